package io.cartwright.cart.cart;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/**
 * Carts: how long guest carts live and how they are purged.
 *
 * @param guestCartTtl how long a guest cart may stay untouched before it expires and is
 * purged; a plain number means days
 * @param purgeInterval how often the purge runs (each instance runs it; its statements
 * are safe to run concurrently)
 * @param purgeBatchSize how many carts one purge statement handles at most
 * @param defaultCurrency the currency of an empty cart's subtotal
 */
@Validated
@ConfigurationProperties("cartwright.cart")
record CartProperties(@NotNull @DurationUnit(ChronoUnit.DAYS) Duration guestCartTtl, @NotNull Duration purgeInterval,
		@Min(1) int purgeBatchSize, @NotNull @Pattern(regexp = "[A-Z]{3}") String defaultCurrency) {
}
