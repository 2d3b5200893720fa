package cn.gov.shanwei.xinyixing.platform.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest request body a resource method (or every method of a resource class) accepts;
 * {@link BodySizeLimit} refuses more with 413 {@code BODY_TOO_LARGE}. Without it a method accepts
 * {@link BodySizeLimit#DEFAULT_BYTES}.
 *
 * <p>A body made of a configurable number of entries (a red-list batch) is sized by that number:
 * {@code value + perEntry × entries}, where {@code entries} is read from the configuration property
 * {@link #entriesProperty()} (or {@link #entriesDefault()} when it is not set).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface MaxBodySize {

    /** Bytes allowed, or for an entry-sized body the allowance for its envelope. */
    long value();

    /** Bytes allowed per entry; 0 for a fixed limit. */
    long perEntry() default 0;

    /** The configuration property holding the largest number of entries. */
    String entriesProperty() default "";

    long entriesDefault() default 0;
}
