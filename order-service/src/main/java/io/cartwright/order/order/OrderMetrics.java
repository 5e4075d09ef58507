package io.cartwright.order.order;

import java.time.Clock;
import java.time.Duration;

import io.cartwright.order.pricing.Money;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The business metrics of orders, counted after the transaction commits so that a
 * rolled-back step is never counted:
 * <ul>
 * <li>{@code cartwright.orders.placed}, {@code .confirmed}, {@code .rejected},
 * {@code .payment.failed}, {@code .cancelled}: orders reaching each outcome;</li>
 * <li>{@code cartwright.orders.revenue}: the totals of confirmed orders in minor units,
 * tagged with the {@code currency} (a counter per currency: amounts in different
 * currencies never add up);</li>
 * <li>{@code cartwright.orders.saga.duration}: from placing an order to the saga's end,
 * tagged with the {@code outcome} (its histogram is configured in config-repo).</li>
 * </ul>
 */
@Component
public class OrderMetrics {

	private final MeterRegistry registry;

	private final Clock clock;

	private final Counter placed;

	private final Counter confirmed;

	private final Counter rejected;

	private final Counter paymentFailed;

	private final Counter cancelled;

	OrderMetrics(MeterRegistry registry, Clock clock) {
		this.registry = registry;
		this.clock = clock;
		this.placed = counter("cartwright.orders.placed", "Orders accepted at checkout");
		this.confirmed = counter("cartwright.orders.confirmed", "Orders confirmed: stock sold, payment captured");
		this.rejected = counter("cartwright.orders.rejected", "Orders rejected: stock refused or no answer in time");
		this.paymentFailed = counter("cartwright.orders.payment.failed", "Orders whose payment was declined");
		this.cancelled = counter("cartwright.orders.cancelled", "Orders cancelled by the customer");
	}

	private Counter counter(String name, String description) {
		return Counter.builder(name).description(description).register(this.registry);
	}

	public void placed() {
		afterCommit(this.placed::increment);
	}

	public void confirmed(Order order) {
		Money total = order.total();
		afterCommit(() -> {
			this.confirmed.increment();
			if (total != null) {
				Counter.builder("cartwright.orders.revenue")
					.description("Totals of confirmed orders, in minor units of the currency")
					.tag("currency", total.currency())
					.register(this.registry)
					.increment(total.amount());
			}
			sagaEnded(order, "confirmed");
		});
	}

	public void rejected(Order order) {
		afterCommit(() -> {
			this.rejected.increment();
			sagaEnded(order, "rejected");
		});
	}

	public void paymentFailed(Order order) {
		afterCommit(() -> {
			this.paymentFailed.increment();
			sagaEnded(order, "payment_failed");
		});
	}

	public void cancelled() {
		afterCommit(this.cancelled::increment);
	}

	private void sagaEnded(Order order, String outcome) {
		Timer.builder("cartwright.orders.saga.duration")
			.description("From placing an order to the saga's end")
			.tag("outcome", outcome)
			.register(this.registry)
			.record(Duration.between(order.placedAt(), this.clock.instant()));
	}

	private static void afterCommit(Runnable action) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			action.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				action.run();
			}
		});
	}

}
