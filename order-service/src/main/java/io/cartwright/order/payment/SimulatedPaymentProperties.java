package io.cartwright.order.payment;

import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the simulated payment provider.
 *
 * @param maxAmount the largest amount it authorizes, in minor units of any currency; more
 * is declined with {@code amount_limit_exceeded}
 */
@Validated
@ConfigurationProperties("cartwright.payment.simulator")
public record SimulatedPaymentProperties(@PositiveOrZero long maxAmount) {
}
