package io.cartwright.order.order;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The business metrics of orders: how many were placed, confirmed, rejected, failed
 * payment and were cancelled ({@code orders.<outcome>}), and how long the saga took from
 * placing to its end ({@code orders.saga.duration}, tagged with the outcome). Counted
 * after the transaction commits, so a rolled-back step is never counted.
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
		this.placed = counter("orders.placed", "Orders accepted at checkout");
		this.confirmed = counter("orders.confirmed", "Orders confirmed: stock sold, payment captured");
		this.rejected = counter("orders.rejected", "Orders rejected: stock refused or no answer in time");
		this.paymentFailed = counter("orders.payment_failed", "Orders whose payment was declined");
		this.cancelled = counter("orders.cancelled", "Orders cancelled by the customer");
	}

	private Counter counter(String name, String description) {
		return Counter.builder(name).description(description).register(this.registry);
	}

	public void placed() {
		afterCommit(this.placed::increment);
	}

	public void confirmed(Order order) {
		afterCommit(() -> {
			this.confirmed.increment();
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
		Timer.builder("orders.saga.duration")
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
