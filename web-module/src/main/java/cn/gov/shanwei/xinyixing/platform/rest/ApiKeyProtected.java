package cn.gov.shanwei.xinyixing.platform.rest;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource that only one partner system may call (the credit platform, the card
 * operator); {@link ApiKeyFilter} checks the {@code X-Api-Key} header against the key configured
 * under {@link #value()}, which in a domain is a password alias.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ApiKeyProtected {

    /** The configuration property holding the partner's key. */
    String value();
}
