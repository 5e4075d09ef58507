package io.cartwright.order.order;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.cartwright.events.OrderCancelled;
import io.cartwright.order.payment.PaymentProvider;
import io.cartwright.order.pricing.Money;
import io.cartwright.order.web.ResourceNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to an order after the saga: the customer cancels it before shipment (the
 * payment is refunded, {@code OrderCancelled} makes the catalog put the stock back);
 * staff ships and delivers it. The aggregate refuses every illegal move (409).
 */
@Service
class OrderLifecycle {

	/** The reason of a cancellation by the customer, in the history and the event. */
	static final String CUSTOMER_REQUEST = "CUSTOMER_REQUEST";

	private static final Logger log = LoggerFactory.getLogger(OrderLifecycle.class);

	private final OrderRepository orders;

	private final PaymentProvider payments;

	private final ApplicationEventPublisher events;

	private final OrderMetrics metrics;

	private final Clock clock;

	OrderLifecycle(OrderRepository orders, PaymentProvider payments, ApplicationEventPublisher events,
			OrderMetrics metrics, Clock clock) {
		this.orders = orders;
		this.payments = payments;
		this.events = events;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Cancels a customer's order. A captured payment is refunded in the same step; should
	 * the provider fail, nothing changes and the customer may try again.
	 * @param id the order
	 * @param customerId the customer, who must own it
	 * @return the cancelled order
	 */
	@Transactional
	Order cancel(UUID id, String customerId) {
		Order order = this.orders.findByIdAndCustomerId(id, customerId)
			.orElseThrow(() -> new ResourceNotFoundException("order", id));
		boolean captured = order.status() == OrderStatus.CONFIRMED;
		Instant now = Timestamps.now(this.clock);
		order.cancel(CUSTOMER_REQUEST, now);
		Money total = order.total();
		if (captured && order.paymentAuthorization() != null && total != null) {
			this.payments.refund(order.paymentAuthorization(), total);
		}
		this.events.publishEvent(new OrderCancelled(order.id(), CUSTOMER_REQUEST, now));
		this.metrics.cancelled();
		log.info("Order {} cancelled by its customer", id);
		return order;
	}

	@Transactional
	Order ship(UUID id) {
		Order order = find(id);
		order.ship(Timestamps.now(this.clock));
		return order;
	}

	@Transactional
	Order deliver(UUID id) {
		Order order = find(id);
		order.deliver(Timestamps.now(this.clock));
		return order;
	}

	private Order find(UUID id) {
		return this.orders.findById(id).orElseThrow(() -> new ResourceNotFoundException("order", id));
	}

}
