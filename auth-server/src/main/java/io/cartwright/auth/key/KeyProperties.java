package io.cartwright.auth.key;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The token signing keys ({@code cartwright.auth.keys.*}).
 *
 * @param password encrypts the private keys stored in the database
 * ({@code AUTH_KEY_PASSWORD}); keep it in a secret, never in git
 * @param encryptionRequired whether auth-server refuses to start without a password
 * ({@code false} only on a developer machine, where keys are then stored unencrypted)
 * @param rotateAfter how old the active key may get before a new one replaces it
 * @param checkInterval how often each instance checks the active key's age
 * @param retiredKeysKept how long a replaced key stays in the JWK set, so that tokens it
 * signed still verify; at least the longest token lifetime
 */
@ConfigurationProperties("cartwright.auth.keys")
@Validated
public record KeyProperties(String password, @DefaultValue("true") boolean encryptionRequired,
		@NotNull @DefaultValue("30d") Duration rotateAfter, @NotNull @DefaultValue("1h") Duration checkInterval,
		@NotNull @DefaultValue("8h") Duration retiredKeysKept) {

	boolean hasPassword() {
		return this.password != null && !this.password.isBlank();
	}

}
