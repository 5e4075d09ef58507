package io.cartwright.order.checkout;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** An ISO 3166-1 alpha-2 country code in capitals, such as {@code DE}; null is valid. */
@Documented
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IsoCountry.Validator.class)
@interface IsoCountry {

	String message() default "must be an ISO 3166-1 alpha-2 country code, such as DE";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks a code against the JDK's list of ISO 3166-1 alpha-2 codes. */
	class Validator implements ConstraintValidator<IsoCountry, String> {

		private static final Set<String> CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || CODES.contains(value);
		}

	}

}
