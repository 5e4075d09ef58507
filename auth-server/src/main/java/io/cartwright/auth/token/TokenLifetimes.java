package io.cartwright.auth.token;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long tokens live, for every client ({@code cartwright.auth.lifetimes.*}). An ID
 * token lives 30 minutes (Spring Authorization Server's fixed choice).
 *
 * @param access an access token's lifetime
 * @param refresh a refresh token's lifetime; each use gives a new one (rotation)
 */
@ConfigurationProperties("cartwright.auth.lifetimes")
@Validated
public record TokenLifetimes(@NotNull @DefaultValue("15m") Duration access,
		@NotNull @DefaultValue("8h") Duration refresh) {

	/** The lifetime Spring Authorization Server gives ID tokens. */
	public static final Duration ID_TOKEN = Duration.ofMinutes(30);

}
