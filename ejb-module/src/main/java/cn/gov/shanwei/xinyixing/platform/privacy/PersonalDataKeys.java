package cn.gov.shanwei.xinyixing.platform.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.HexFormat;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Supplies the personal-data keys from configuration. In a domain they are system properties whose
 * values are {@code ${ALIAS=…}} password aliases, so the keys are never in the repository or in
 * plain server configuration.
 */
@ApplicationScoped
public class PersonalDataKeys {

    @Inject
    @ConfigProperty(name = "xinyixing.personal-data.cipher-key")
    String cipherKeyHex;

    @Inject
    @ConfigProperty(name = "xinyixing.personal-data.index-key")
    String indexKeyHex;

    @Produces
    @Dependent
    IdNumberProtection idNumberProtection() {
        return new IdNumberProtection(HexFormat.of().parseHex(cipherKeyHex), HexFormat.of().parseHex(indexKeyHex));
    }
}
