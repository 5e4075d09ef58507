package io.cartwright.order.order;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.cartwright.events.OrderCancelled;
import io.cartwright.order.audit.AuditTrail;
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

	/** The entity type of orders in the audit trail. */
	static final String ENTITY = "order";

	private final OrderRepository orders;

	private final PaymentProvider payments;

	private final ApplicationEventPublisher events;

	private final OrderMetrics metrics;

	private final Clock clock;

	private final AuditTrail audit;

	OrderLifecycle(OrderRepository orders, PaymentProvider payments, ApplicationEventPublisher events,
			OrderMetrics metrics, Clock clock, AuditTrail audit) {
		this.orders = orders;
		this.payments = payments;
		this.events = events;
		this.metrics = metrics;
		this.clock = clock;
		this.audit = audit;
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

	/**
	 * Staff ships an order; recorded in the audit trail with the order before and after.
	 */
	@Transactional
	Order ship(UUID id) {
		Order order = find(id);
		OrderView before = OrderView.of(order);
		order.ship(Timestamps.now(this.clock));
		this.orders.flush();
		this.audit.record("ORDER_SHIPPED", ENTITY, id, before, OrderView.of(order));
		return order;
	}

	/** Staff marks an order delivered; recorded in the audit trail. */
	@Transactional
	Order deliver(UUID id) {
		Order order = find(id);
		OrderView before = OrderView.of(order);
		order.deliver(Timestamps.now(this.clock));
		this.orders.flush();
		this.audit.record("ORDER_DELIVERED", ENTITY, id, before, OrderView.of(order));
		return order;
	}

	private Order find(UUID id) {
		return this.orders.findById(id).orElseThrow(() -> new ResourceNotFoundException("order", id));
	}

}
