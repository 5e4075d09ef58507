package io.cartwright.auth.key;

import java.time.Duration;

import io.cartwright.auth.token.TokenLifetimes;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Makes the first signing key at start (and proves that the stored keys can be decrypted
 * with the configured password: a wrong one stops the start), then every
 * {@code cartwright.auth.keys.check-interval} replaces the active key once it is older
 * than {@code rotate-after}. Refuses a {@code retired-keys-kept} shorter than the longest
 * token lifetime.
 */
@Component
@Order(10)
class KeyRotationSchedule implements ApplicationRunner, SchedulingConfigurer {

	private final SigningKeys keys;

	private final KeyProperties properties;

	KeyRotationSchedule(SigningKeys keys, KeyProperties properties, TokenLifetimes lifetimes) {
		Duration longest = (lifetimes.access().compareTo(TokenLifetimes.ID_TOKEN) > 0) ? lifetimes.access()
				: TokenLifetimes.ID_TOKEN;
		if (properties.retiredKeysKept().compareTo(longest) < 0) {
			throw new IllegalStateException("cartwright.auth.keys.retired-keys-kept (" + properties.retiredKeysKept()
					+ ") is shorter than the longest token lifetime (" + longest
					+ "): tokens signed before a rotation would stop verifying before they expire");
		}
		this.keys = keys;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.keys.signingKey();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(() -> this.keys.rotate(false), this.properties.checkInterval());
	}

}
