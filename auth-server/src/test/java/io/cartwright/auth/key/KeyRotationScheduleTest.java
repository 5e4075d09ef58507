package io.cartwright.auth.key;

import java.time.Duration;

import io.cartwright.auth.token.TokenLifetimes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class KeyRotationScheduleTest {

	private static KeyProperties keptFor(Duration retiredKeysKept) {
		return new KeyProperties("password", true, Duration.ofDays(30), Duration.ofHours(1), retiredKeysKept);
	}

	@Test
	void refusesToDropRetiredKeysBeforeTheTokensTheySignedExpire() {
		TokenLifetimes lifetimes = new TokenLifetimes(Duration.ofMinutes(15), Duration.ofHours(8));

		assertThatIllegalStateException()
			.isThrownBy(() -> new KeyRotationSchedule(null, keptFor(Duration.ofMinutes(29)), lifetimes))
			.withMessageContaining("retired-keys-kept");
		assertThatNoException()
			.isThrownBy(() -> new KeyRotationSchedule(null, keptFor(Duration.ofMinutes(30)), lifetimes));
		assertThatIllegalStateException().isThrownBy(() -> new KeyRotationSchedule(null,
				keptFor(Duration.ofMinutes(45)), new TokenLifetimes(Duration.ofHours(1), Duration.ofHours(8))));
	}

}
