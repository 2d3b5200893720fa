package cn.gov.shanwei.xinyixing.platform.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A whole number from {@link #min()} to {@link #max()}; null is left to {@code @NotNull}. Stands in
 * for {@code @Min}/{@code @Max} on record components (see {@link RequestPatterns} for why).
 */
@Constraint(validatedBy = Between.Validator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface Between {

    long min();

    long max();

    String message() default "must be from {min} to {max}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Compares the number as a long. */
    class Validator implements ConstraintValidator<Between, Number> {
        private long min;
        private long max;

        @Override
        public void initialize(Between between) {
            min = between.min();
            max = between.max();
        }

        @Override
        public boolean isValid(Number value, ConstraintValidatorContext context) {
            return value == null || (value.longValue() >= min && value.longValue() <= max);
        }
    }
}
