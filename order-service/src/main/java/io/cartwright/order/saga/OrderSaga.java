package io.cartwright.order.saga;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.Optional;
import java.util.stream.Collectors;

import io.cartwright.events.OrderCancelled;
import io.cartwright.events.OrderConfirmed;
import io.cartwright.events.OrderLine;
import io.cartwright.events.OrderRejected;
import io.cartwright.events.StockRejected;
import io.cartwright.events.StockReserved;
import io.cartwright.order.order.Order;
import io.cartwright.order.order.OrderMetrics;
import io.cartwright.order.order.OrderRepository;
import io.cartwright.order.order.OrderStatus;
import io.cartwright.order.order.Timestamps;
import io.cartwright.order.payment.PaymentProvider;
import io.cartwright.order.payment.PaymentProvider.Authorization;
import io.cartwright.order.payment.PaymentUnavailableException;
import io.cartwright.order.pricing.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checkout saga, orchestrated here: the catalog's answer to {@code OrderPlaced}
 * prices the order (never the client), then the payment is authorized and captured and
 * the order confirmed ({@code OrderConfirmed}), or the payment fails
 * ({@code OrderCancelled} makes the catalog release the stock); a refusal of stock
 * rejects the order ({@code OrderRejected}). A fact for an order that no longer waits for
 * it is ignored.
 * <p>
 * Every step runs in the caller's transaction (the consumer's, which also records the
 * event as processed, or the sweep's), so the new status, the outgoing event and the
 * "processed" mark commit together. The payment provider is called inside that
 * transaction: the simulator answers at once; a real provider's latency would hold a
 * database connection and the order's row for the call, and its effect is not rolled back
 * with the transaction — which is why every provider call is idempotent per order and the
 * step is repeated, not undone, when the transaction fails.
 */
@Service
public class OrderSaga {

	/** The reason of a rejection for stock, in the event. */
	static final String STOCK_REJECTED = "STOCK_REJECTED";

	/** The reason of a cancellation for a failed payment, in the event. */
	static final String PAYMENT_FAILED = "PAYMENT_FAILED";

	private static final int REASON_LENGTH = 500;

	private static final Logger log = LoggerFactory.getLogger(OrderSaga.class);

	private final OrderRepository orders;

	private final PaymentProvider payments;

	private final ApplicationEventPublisher events;

	private final OrderMetrics metrics;

	private final Clock clock;

	OrderSaga(OrderRepository orders, PaymentProvider payments, ApplicationEventPublisher events, OrderMetrics metrics,
			Clock clock) {
		this.orders = orders;
		this.payments = payments;
		this.events = events;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * The catalog reserved the order's stock: price it, then authorize the payment.
	 * @param reserved the catalog's event
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void stockReserved(StockReserved reserved) {
		Optional<Order> waiting = waiting(reserved.orderId(), "StockReserved");
		if (waiting.isEmpty()) {
			return;
		}
		Order order = waiting.get();
		Map<String, Order.PricedSku> prices = reserved.lines()
			.stream()
			.collect(Collectors.toMap(StockReserved.Line::sku,
					(line) -> new Order.PricedSku(Money.of(line.unitPrice()), line.productName()), (a, b) -> a));
		order.stockReserved(prices, Timestamps.now(this.clock));
		authorizePayment(order);
	}

	/**
	 * The catalog refused the order's stock: reject it, with the reason per SKU.
	 * @param rejected the catalog's event
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void stockRejected(StockRejected rejected) {
		Optional<Order> waiting = waiting(rejected.orderId(), "StockRejected");
		if (waiting.isEmpty()) {
			return;
		}
		Order order = waiting.get();
		Instant now = Timestamps.now(this.clock);
		order.stockRejected(reasons(rejected), now);
		this.events.publishEvent(new OrderRejected(order.id(), STOCK_REJECTED, now));
		this.metrics.rejected(order);
		log.info("Order {} rejected: the catalog refused its stock", order.id());
	}

	/**
	 * Authorizes the payment of a reserved order and, when approved, captures it and
	 * confirms the order; when declined, fails it. When the provider does not answer, the
	 * order stays {@link OrderStatus#RESERVED}: the sweep tries again until the deadline.
	 * @param order a reserved order, in the caller's transaction
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void authorizePayment(Order order) {
		Money total = order.total();
		if (order.status() != OrderStatus.RESERVED || total == null) {
			return;
		}
		Authorization authorization;
		try {
			authorization = this.payments.authorize(order.id(), order.paymentMethod(), total);
		}
		catch (PaymentUnavailableException ex) {
			log.warn("Payment provider did not answer for order {}; it stays reserved and is tried again", order.id());
			return;
		}
		Instant now = Timestamps.now(this.clock);
		if (authorization.approved()) {
			order.paymentAuthorized(authorization.authorizationId(), now);
			this.payments.capture(authorization.authorizationId(), total);
			order.confirm(now);
			this.events.publishEvent(new OrderConfirmed(order.id(), order.customerId(), order.cartId(),
					order.lines().stream().map((line) -> new OrderLine(line.sku(), line.quantity())).toList(),
					total.toEvent(), now));
			this.metrics.confirmed(order);
			log.info("Order {} confirmed", order.id());
		}
		else {
			order.paymentFailed(authorization.declineReason(), now);
			this.events.publishEvent(new OrderCancelled(order.id(), PAYMENT_FAILED, now));
			this.metrics.paymentFailed(order);
			log.info("Order {} failed payment: {}", order.id(), authorization.declineReason());
		}
	}

	/** The order if it still waits for the catalog's answer. */
	private Optional<Order> waiting(UUID orderId, String fact) {
		Optional<Order> order = this.orders.findById(orderId);
		if (order.isEmpty()) {
			log.warn("{} for unknown order {}; ignored", fact, orderId);
		}
		else if (order.get().status() != OrderStatus.PENDING) {
			log.info("{} for order {} which is {}; ignored", fact, orderId, order.get().status());
			return Optional.empty();
		}
		return order;
	}

	private static String reasons(StockRejected rejected) {
		String reasons = rejected.problems()
			.stream()
			.map((problem) -> "%s: %s (requested %d, available %d)".formatted(problem.sku(), problem.reason(),
					problem.requested(), problem.available()))
			.collect(Collectors.joining("; "));
		String reason = reasons.isEmpty() ? STOCK_REJECTED : reasons;
		return (reason.length() > REASON_LENGTH) ? reason.substring(0, REASON_LENGTH - 1) + "…" : reason;
	}

}
