package io.cartwright.auth.key;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PrivateKeyCipherTest {

	private static final byte[] KEY = "pretend this is PKCS#8".getBytes(StandardCharsets.UTF_8);

	private static KeyProperties properties(String password, boolean required) {
		return new KeyProperties(password, required, Duration.ofDays(30), Duration.ofHours(1), Duration.ofHours(8));
	}

	@Test
	void encryptsWithAFreshSaltEachTimeAndDecryptsWithThePassword() {
		PrivateKeyCipher cipher = new PrivateKeyCipher(properties("a password", true));

		PrivateKeyCipher.Sealed first = cipher.seal(KEY);
		PrivateKeyCipher.Sealed second = cipher.seal(KEY);

		assertThat(first.encryption()).isEqualTo("AES_GCM");
		assertThat(first.salt()).isNotEqualTo(second.salt());
		assertThat(first.value()).isNotEqualTo(second.value());
		assertThat(cipher.open("k1", first)).isEqualTo(KEY);
	}

	@Test
	void refusesToStartWithoutAPasswordWhenEncryptionIsRequired() {
		assertThatIllegalStateException().isThrownBy(() -> new PrivateKeyCipher(properties("", true)))
			.withMessageStartingWith("AUTH_KEY_PASSWORD is not set");
	}

	@Test
	void storesKeysUnencryptedOnlyWhereThatIsAllowed() {
		PrivateKeyCipher cipher = new PrivateKeyCipher(properties(null, false));

		PrivateKeyCipher.Sealed sealed = cipher.seal(KEY);

		assertThat(sealed.encryption()).isEqualTo("NONE");
		assertThat(cipher.open("k1", sealed)).isEqualTo(KEY);
	}

	@Test
	void namesTheProblemWhenThePasswordDiffersOrIsMissing() {
		PrivateKeyCipher.Sealed sealed = new PrivateKeyCipher(properties("the first password", true)).seal(KEY);

		assertThatIllegalStateException()
			.isThrownBy(() -> new PrivateKeyCipher(properties("another password", true)).open("k1", sealed))
			.withMessageContaining("AUTH_KEY_PASSWORD is not the password it was stored with");
		assertThatIllegalStateException()
			.isThrownBy(() -> new PrivateKeyCipher(properties(null, false)).open("k1", sealed))
			.withMessageContaining("encrypted but AUTH_KEY_PASSWORD is not set");
	}

}
