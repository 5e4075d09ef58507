package io.cartwright.auth.login;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The sign-in throttle ({@code cartwright.auth.login.*}).
 *
 * @param maxFailuresPerEmail failed sign-ins for one email (with or without an account)
 * after which it is locked
 * @param maxFailuresPerAddress failed sign-ins from one client address after which it is
 * locked
 * @param window the time in which failures are counted, and how long a lock lasts
 */
@ConfigurationProperties("cartwright.auth.login")
@Validated
public record LoginProperties(@Min(1) @DefaultValue("5") int maxFailuresPerEmail,
		@Min(1) @DefaultValue("20") int maxFailuresPerAddress, @NotNull @DefaultValue("15m") Duration window) {
}
