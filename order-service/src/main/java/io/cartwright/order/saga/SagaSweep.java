package io.cartwright.order.saga;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import io.cartwright.events.OrderRejected;
import io.cartwright.order.order.Order;
import io.cartwright.order.order.OrderMetrics;
import io.cartwright.order.order.OrderProperties;
import io.cartwright.order.order.OrderRepository;
import io.cartwright.order.order.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every {@code cartwright.order.sweep-interval}: rejects orders still waiting for the
 * catalog or the payment after their deadline ({@code OrderRejected} with
 * {@code TIMED_OUT}, on which the catalog releases any reservation), and tries again the
 * payments the provider did not answer.
 * <p>
 * Safe with several instances: each order is handled in a transaction of its own, and its
 * row is claimed by the version-checked {@code UPDATE} of optimistic locking — an
 * instance (or the stock-event consumer) that changed the order first wins; the loser's
 * transaction rolls back with its event, and it moves on.
 */
@Component
class SagaSweep implements SchedulingConfigurer {

	static final String TIMED_OUT = "TIMED_OUT";

	private static final Logger log = LoggerFactory.getLogger(SagaSweep.class);

	private final OrderRepository orders;

	private final OrderSaga saga;

	private final ApplicationEventPublisher events;

	private final OrderMetrics metrics;

	private final OrderProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SagaSweep(OrderRepository orders, OrderSaga saga, ApplicationEventPublisher events, OrderMetrics metrics,
			OrderProperties properties, TransactionTemplate transactions, Clock clock) {
		this.orders = orders;
		this.saga = saga;
		this.events = events;
		this.metrics = metrics;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::sweep, this.properties.sweepInterval());
	}

	void sweep() {
		rejectOverdue();
		retryPayments();
	}

	/**
	 * Rejects the orders past their deadline.
	 * @return how many this instance rejected
	 */
	int rejectOverdue() {
		Instant now = Timestamps.now(this.clock);
		List<UUID> overdue = this.orders.findOverdue(now, PageRequest.of(0, this.properties.sweepBatchSize()));
		int rejected = 0;
		for (UUID id : overdue) {
			if (inOwnTransaction(id, (order) -> {
				if (order.isOverdue(now)) {
					order.timeOut(now);
					this.events.publishEvent(new OrderRejected(order.id(), TIMED_OUT, now));
					this.metrics.rejected(order);
					log.info("Order {} rejected: no answer before its deadline", order.id());
				}
			})) {
				rejected++;
			}
		}
		return rejected;
	}

	/** Tries again to authorize the payments of reserved orders. */
	void retryPayments() {
		Instant now = Timestamps.now(this.clock);
		for (UUID id : this.orders.findAwaitingPayment(now, PageRequest.of(0, this.properties.sweepBatchSize()))) {
			inOwnTransaction(id, this.saga::authorizePayment);
		}
	}

	private boolean inOwnTransaction(UUID id, Consumer<Order> step) {
		try {
			this.transactions.executeWithoutResult((status) -> this.orders.findById(id).ifPresent(step));
			return true;
		}
		catch (OptimisticLockingFailureException concurrent) {
			log.debug("Order {} changed concurrently; left to whoever changed it", id);
			return false;
		}
	}

}
