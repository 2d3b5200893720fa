package cn.gov.shanwei.xinyixing.settlement.boundary;

import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PrivateKey;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PublicKey;
import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The card operator's SM2 key that seals the annual package: {@code xinyixing.settlement.signing-key}
 * (64 hex digits), bound to the password alias {@code xinyixing-settlement-signing-key}. The bureau holds
 * the public half (served by the settlement API) and checks packages with it, with or without us.
 */
@ApplicationScoped
public class SigningKey {

    @Inject
    @ConfigProperty(name = "xinyixing.settlement.signing-key")
    Optional<String> configured;

    public Sm2PrivateKey privateKey() {
        String hex = configured.filter(k -> k.matches("[0-9a-fA-F]{64}")).orElseThrow(() -> new IllegalStateException(
                "结算签名密钥未配置 / xinyixing.settlement.signing-key (password alias xinyixing-settlement-signing-key) is not set"));
        return SmCrypto.decodePrivateKey(HexFormat.of().parseHex(hex));
    }

    public Sm2PublicKey publicKey() {
        return privateKey().publicKey();
    }
}
