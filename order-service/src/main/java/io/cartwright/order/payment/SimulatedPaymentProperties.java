package io.cartwright.order.payment;

import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the simulated payment provider.
 * <p>
 * A mutable bean rather than a record, on purpose: Spring Cloud rebinds it in place when
 * the configuration changes (a bus refresh), and the simulator reads it on every call, so
 * a new limit applies to the next payment without a restart (docs/adr/0020).
 */
@Validated
@ConfigurationProperties("cartwright.payment.simulator")
public class SimulatedPaymentProperties {

	/**
	 * The largest amount it authorizes, in minor units of any currency; more is declined
	 * with {@code amount_limit_exceeded}.
	 */
	@PositiveOrZero
	private long maxAmount = 1_000_000;

	public SimulatedPaymentProperties() {
	}

	public SimulatedPaymentProperties(long maxAmount) {
		this.maxAmount = maxAmount;
	}

	public long getMaxAmount() {
		return this.maxAmount;
	}

	public void setMaxAmount(long maxAmount) {
		this.maxAmount = maxAmount;
	}

}
