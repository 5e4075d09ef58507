package io.cartwright.order.checkout;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.cartwright.events.OrderLine;
import io.cartwright.events.OrderPlaced;
import io.cartwright.order.idempotency.IdempotencyKeys;
import io.cartwright.order.idempotency.IdempotencyKeys.Claim;
import io.cartwright.order.order.Order;
import io.cartwright.order.order.OrderMetrics;
import io.cartwright.order.order.OrderProperties;
import io.cartwright.order.order.OrderRepository;
import io.cartwright.order.order.OrderView;
import io.cartwright.order.order.Timestamps;
import io.cartwright.order.web.ConflictException;
import io.cartwright.order.web.Problems;
import io.cartwright.order.web.UnprocessableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places an order from a cart, once per idempotency key (Stripe's rules, ADR 0013): the
 * key is claimed first; the cart is read from cart-service outside any transaction; then
 * one transaction stores the order ({@code PENDING}), its {@code OrderPlaced} (the
 * outbox) and the response with the key. A cart that cannot be ordered is answered with a
 * 4xx that is stored with the key as well, so a retry gets the same answer. Any
 * unexpected failure (cart-service down included) gives the key up, so that a retry runs
 * afresh.
 * <p>
 * A customer may check out only their own cart: cart-service hands any cart to a service
 * token, so the owner check is ours. Another customer's cart is answered exactly like an
 * unknown one (no hint that it exists); a guest cart is refused with its own problem,
 * because signing in merges it into the customer's cart, which is the one to order —
 * ordering a guest cart by id would let anybody who saw its id order it.
 */
@Service
class IdempotentCheckout {

	private static final Logger log = LoggerFactory.getLogger(IdempotentCheckout.class);

	/** The unique index that lets a cart have one open order (V7 migration). */
	private static final String OPEN_CART_INDEX = "uk_orders_open_cart";

	private final IdempotencyKeys keys;

	private final CartReader carts;

	private final OrderRepository orders;

	private final ApplicationEventPublisher events;

	private final OrderMetrics metrics;

	private final OrderProperties properties;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final Clock clock;

	IdempotentCheckout(IdempotencyKeys keys, CartReader carts, OrderRepository orders, ApplicationEventPublisher events,
			OrderMetrics metrics, OrderProperties properties, TransactionTemplate transactions, JsonMapper json,
			Clock clock) {
		this.keys = keys;
		this.carts = carts;
		this.orders = orders;
		this.events = events;
		this.metrics = metrics;
		this.properties = properties;
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Places an order, or replays the answer to the first request with the same key.
	 * @param customerId the customer (the token's subject)
	 * @param key the {@code Idempotency-Key}
	 * @param request the request
	 * @return the response to send
	 * @throws UnprocessableException when the key was used for another request
	 * @throws ConflictException when the first request with the key is still running
	 */
	CheckoutResponse place(String customerId, String key, PlaceOrderRequest request) {
		Claim claim = this.keys.claim(customerId, key, RequestHash.of(this.json, request));
		return switch (claim) {
			case Claim.Replay replay -> new CheckoutResponse(replay.status(), replay.body());
			case Claim.Mismatch mismatch -> throw new UnprocessableException("idempotency-key-reused",
					"This Idempotency-Key was used for a different request; use a new key for a new request.");
			case Claim.InProgress inProgress -> throw new ConflictException("idempotency-key-in-use",
					"A request with this Idempotency-Key is still being processed; retry later.");
			case Claim.Granted granted -> placeClaimed(customerId, key, request);
		};
	}

	private CheckoutResponse placeClaimed(String customerId, String key, PlaceOrderRequest request) {
		try {
			Optional<CartView> cart = this.carts.read(request.cartId());
			Optional<ProblemDetail> refusal = refusal(cart, customerId, request.cartId());
			return this.transactions.execute((status) -> {
				CheckoutResponse response = refusal.or(() -> alreadyOrdered(request.cartId()))
					.map(this::refused)
					.orElseGet(() -> placed(customerId, cart.orElseThrow(), request));
				this.keys.complete(customerId, key, response.status(), response.body());
				return response;
			});
		}
		catch (DataIntegrityViolationException ex) {
			if (!String.valueOf(ex.getMessage()).contains(OPEN_CART_INDEX)) {
				this.keys.release(customerId, key);
				throw ex;
			}
			// Another request ordered the cart between our check and our insert.
			return this.transactions.execute((status) -> {
				CheckoutResponse response = refused(alreadyOrderedProblem(request.cartId()));
				this.keys.complete(customerId, key, response.status(), response.body());
				return response;
			});
		}
		catch (RuntimeException ex) {
			this.keys.release(customerId, key);
			throw ex;
		}
	}

	private CheckoutResponse placed(String customerId, CartView cart, PlaceOrderRequest request) {
		Instant now = Timestamps.now(this.clock);
		Map<String, Integer> lines = new LinkedHashMap<>();
		cart.lines().forEach((line) -> lines.merge(line.sku(), line.quantity(), Integer::sum));
		Order order = this.orders.save(Order.place(UUID.randomUUID(), customerId, cart.id(), lines,
				request.shippingAddress().toShippingAddress(), request.paymentMethod(), now,
				now.plus(this.properties.sagaTimeout())));
		this.events.publishEvent(new OrderPlaced(order.id(), customerId, cart.id(),
				order.lines().stream().map((line) -> new OrderLine(line.sku(), line.quantity())).toList(), now));
		this.metrics.placed();
		log.info("Order {} placed from cart {}", order.id(), cart.id());
		return new CheckoutResponse(HttpStatus.ACCEPTED.value(), this.json.writeValueAsString(OrderView.of(order)));
	}

	private Optional<ProblemDetail> alreadyOrdered(UUID cartId) {
		return this.orders.hasOpenOrder(cartId) ? Optional.of(alreadyOrderedProblem(cartId)) : Optional.empty();
	}

	private static ProblemDetail alreadyOrderedProblem(UUID cartId) {
		return Problems.of(HttpStatus.CONFLICT, "cart-already-ordered", "Cart already ordered", "Cart " + cartId
				+ " has an order in progress or confirmed; it cannot be ordered twice. Follow that order instead.");
	}

	private CheckoutResponse refused(ProblemDetail problem) {
		return new CheckoutResponse(problem.getStatus(), this.json.writeValueAsString(problem));
	}

	private static Optional<ProblemDetail> refusal(Optional<CartView> found, String customerId, UUID cartId) {
		if (found.isEmpty() || (found.get().customerId() != null && !customerId.equals(found.get().customerId()))) {
			return Optional.of(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-cart", "Unknown cart",
					"You have no cart " + cartId + "."));
		}
		CartView cart = found.get();
		if (cart.customerId() == null) {
			return Optional
				.of(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "guest-cart", "Guest cart", "Cart " + cartId
						+ " is a guest cart; signing in merges it into your cart, which is the one" + " to order."));
		}
		if (!CartView.ACTIVE.equals(cart.status())) {
			return Optional.of(Problems.of(HttpStatus.CONFLICT, "cart-not-active", "Cart not active",
					"Cart " + cartId + " is " + cart.status() + " and cannot be ordered."));
		}
		if (cart.lines() == null || cart.lines().isEmpty()) {
			return Optional.of(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "empty-cart", "Empty cart",
					"Cart " + cartId + " has no lines."));
		}
		return Optional.empty();
	}

}
