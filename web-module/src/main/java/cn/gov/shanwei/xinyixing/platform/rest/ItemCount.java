package cn.gov.shanwei.xinyixing.platform.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Collection;

/**
 * How many items a list body must have: at least {@link #min()} (a missing list has none) and at most
 * {@link #max()}. Used instead of {@code @NotEmpty @Size} on a resource method's entity parameter,
 * because Payara's OpenAPI generator takes any standard size constraint on a parameter for one on a
 * path parameter and fails to produce the document.
 */
@Constraint(validatedBy = ItemCount.Validator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface ItemCount {

    int min() default 1;

    int max();

    String message() default "must have {min} to {max} items";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Counts the items; null counts as none. */
    class Validator implements ConstraintValidator<ItemCount, Collection<?>> {
        private int min;
        private int max;

        @Override
        public void initialize(ItemCount count) {
            min = count.min();
            max = count.max();
        }

        @Override
        public boolean isValid(Collection<?> items, ConstraintValidatorContext context) {
            int size = items == null ? 0 : items.size();
            return size >= min && size <= max;
        }
    }
}
