package io.cartwright.auth.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new customer account. The email is normalized before it is validated, the name
 * trimmed.
 *
 * @param email the email to sign in with
 * @param password the password, see {@link PasswordPolicy}
 * @param name the name to greet the customer with
 */
record SignUpRequest(
		@NotBlank @Size(max = EmailAddress.MAX_LENGTH) @Pattern(regexp = EmailAddress.PATTERN,
				message = "must be an email address") String email,
		@AcceptablePassword String password,
		@NotBlank @Size(max = SignUpRequest.MAX_NAME_LENGTH) @Pattern(regexp = "[^\\p{Cntrl}]*",
				message = "must not contain control characters") String name) {

	static final int MAX_NAME_LENGTH = 100;

	SignUpRequest {
		email = EmailAddress.normalize(email);
		name = (name != null) ? name.strip() : null;
	}

}
