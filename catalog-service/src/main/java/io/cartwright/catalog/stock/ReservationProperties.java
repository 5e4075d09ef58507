package io.cartwright.catalog.stock;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long stock stays reserved for an order and how expired reservations are released
 * ({@code cartwright.catalog.*}).
 *
 * @param reservationTtl how long stock stays reserved for an order that is neither
 * confirmed nor cancelled
 * @param reservationExpiryInterval how often expired reservations are looked for
 * @param reservationExpiryBatchSize how many expired reservations one transaction
 * releases at most
 */
@ConfigurationProperties("cartwright.catalog")
@Validated
public record ReservationProperties(@NotNull @DefaultValue("15m") Duration reservationTtl,
		@NotNull @DefaultValue("30s") Duration reservationExpiryInterval,
		@Min(1) @Max(1000) @DefaultValue("100") int reservationExpiryBatchSize) {
}
