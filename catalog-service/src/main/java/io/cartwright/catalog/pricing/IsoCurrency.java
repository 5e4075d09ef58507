package io.cartwright.catalog.pricing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Currency;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The annotated string is an ISO 4217 currency code that the JDK knows, such as
 * {@code EUR}. {@code null} is valid (combine with {@code @NotNull}).
 */
@Documented
@Constraint(validatedBy = IsoCurrency.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoCurrency {

	String message() default "must be an ISO 4217 currency code such as EUR";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks the code against the JDK's list of currencies. */
	class Validator implements ConstraintValidator<IsoCurrency, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			if (!value.matches("[A-Z]{3}")) {
				return false;
			}
			try {
				Currency.getInstance(value);
				return true;
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		}

	}

}
