package io.cartwright.order.order;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The checkout saga's timing ({@code cartwright.order.*}).
 *
 * @param sagaTimeout how long after placing an order may wait for the catalog and the
 * payment before it is rejected; keep it shorter than the catalog's reservation TTL, so
 * that a reservation never expires under an order that may still be confirmed
 * @param sweepInterval how often overdue orders are looked for, and payments that the
 * provider did not answer are tried again
 * @param sweepBatchSize how many orders one sweep handles at most
 */
@ConfigurationProperties("cartwright.order")
@Validated
public record OrderProperties(@NotNull @DefaultValue("5m") Duration sagaTimeout,
		@NotNull @DefaultValue("15s") Duration sweepInterval,
		@Min(1) @Max(10000) @DefaultValue("100") int sweepBatchSize) {
}
