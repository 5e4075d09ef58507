package io.cartwright.config;

import org.springframework.cloud.config.server.encryption.EncryptionController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Without {@code ENCRYPT_KEY}, Spring Cloud's fallback encryptor throws
 * {@link UnsupportedOperationException}, which {@code /encrypt} and {@code /decrypt}
 * would answer with a 500. Answer 404 as Spring Cloud Config does for a key that is not
 * installed, as a problem detail.
 */
@RestControllerAdvice(assignableTypes = EncryptionController.class)
class EncryptionKeyMissingAdvice {

	@ExceptionHandler(UnsupportedOperationException.class)
	ProblemDetail encryptionKeyMissing() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No encryption key is installed: set ENCRYPT_KEY to encrypt and decrypt {cipher} values.");
		problem.setTitle("No encryption key");
		return problem;
	}

}
