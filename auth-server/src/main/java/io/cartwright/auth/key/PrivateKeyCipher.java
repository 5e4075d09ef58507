package io.cartwright.auth.key;

import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;

/**
 * Encrypts private keys at rest with Spring Security Crypto's {@link Encryptors#delux}
 * (AES-GCM, 256-bit key derived with PBKDF2 from {@code AUTH_KEY_PASSWORD} and a random
 * salt per key). Without a password it refuses to start unless
 * {@code cartwright.auth.keys.encryption-required} is {@code false} (a developer
 * machine), in which case keys are stored unencrypted, each row saying so.
 */
@Component
class PrivateKeyCipher {

	static final String AES_GCM = "AES_GCM";

	static final String NONE = "NONE";

	private static final Logger log = LoggerFactory.getLogger(PrivateKeyCipher.class);

	private final String password;

	PrivateKeyCipher(KeyProperties properties) {
		if (!properties.hasPassword()) {
			if (properties.encryptionRequired()) {
				throw new IllegalStateException("AUTH_KEY_PASSWORD is not set: auth-server encrypts its token signing "
						+ "keys with it (cartwright.auth.keys.password). Set it to a long random secret, the same on "
						+ "every instance; only the local profile may run without it.");
			}
			log.warn("AUTH_KEY_PASSWORD is not set: token signing keys are stored unencrypted "
					+ "(allowed by cartwright.auth.keys.encryption-required=false, for a developer machine only)");
		}
		this.password = properties.hasPassword() ? properties.password() : null;
	}

	/**
	 * Encrypts a private key, or encodes it as is without a password.
	 * @param pkcs8 the key's PKCS#8 encoding
	 * @return what to store
	 */
	Sealed seal(byte[] pkcs8) {
		String encoded = Base64.getEncoder().encodeToString(pkcs8);
		if (this.password == null) {
			return new Sealed(encoded, NONE, null);
		}
		String salt = KeyGenerators.string().generateKey();
		return new Sealed(Encryptors.delux(this.password, salt).encrypt(encoded), AES_GCM, salt);
	}

	/**
	 * Decrypts a stored private key.
	 * @param kid the key's id, for the error message
	 * @param sealed what was stored
	 * @return the key's PKCS#8 encoding
	 * @throws IllegalStateException if it is encrypted and there is no password, or
	 * another password
	 */
	byte[] open(String kid, Sealed sealed) {
		if (NONE.equals(sealed.encryption())) {
			return Base64.getDecoder().decode(sealed.value());
		}
		if (this.password == null) {
			throw new IllegalStateException("Signing key " + kid
					+ " is encrypted but AUTH_KEY_PASSWORD is not set: set the password it was " + "stored with");
		}
		try {
			return Base64.getDecoder().decode(Encryptors.delux(this.password, sealed.salt()).decrypt(sealed.value()));
		}
		catch (IllegalStateException ex) {
			throw new IllegalStateException(
					"Cannot decrypt signing key " + kid + ": AUTH_KEY_PASSWORD is not the password it was stored with",
					ex);
		}
	}

	/**
	 * A private key as stored.
	 *
	 * @param value the (encrypted) key
	 * @param encryption {@value #AES_GCM} or {@value #NONE}
	 * @param salt the salt of the key derivation, hex-encoded, or {@code null}
	 */
	record Sealed(String value, String encryption, String salt) {
	}

}
