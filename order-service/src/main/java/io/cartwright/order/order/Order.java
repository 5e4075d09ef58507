package io.cartwright.order.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.cartwright.order.live.StatusChangeHook;
import io.cartwright.order.pricing.Money;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * An order and its life, the aggregate the checkout saga drives. Every change of status
 * goes through a method that refuses an illegal move
 * ({@link IllegalOrderTransitionException}) and appends to the order's history.
 */
@Entity
@Table(name = "orders")
@EntityListeners(StatusChangeHook.class)
public class Order {

	@Id
	@JdbcTypeCode(SqlTypes.CHAR)
	private UUID id;

	@Column(name = "customer_id")
	private String customerId;

	@Column(name = "cart_id")
	@JdbcTypeCode(SqlTypes.CHAR)
	private UUID cartId;

	@Enumerated(EnumType.STRING)
	private OrderStatus status;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
	@OrderColumn(name = "position")
	private List<OrderLine> lines = new ArrayList<>();

	@Embedded
	private ShippingAddress shippingAddress;

	@Column(name = "payment_method")
	private String paymentMethod;

	@Column(name = "payment_authorization")
	private @Nullable String paymentAuthorization;

	@Column(name = "total_amount")
	private @Nullable Long totalAmount;

	@Column(name = "currency")
	private @Nullable String currency;

	@Column(name = "placed_at")
	private Instant placedAt;

	/** An order still waiting for the catalog or the payment at this time is rejected. */
	@Column(name = "deadline")
	private Instant deadline;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "order_status_change", joinColumns = @JoinColumn(name = "order_id"))
	@OrderColumn(name = "seq")
	private List<StatusChange> history = new ArrayList<>();

	@Version
	private long version;

	protected Order() {
	}

	/**
	 * Places an order: {@link OrderStatus#PENDING} until the catalog reserves its stock.
	 * @param id the order's id
	 * @param customerId the customer (the token's subject)
	 * @param cartId the cart the lines come from
	 * @param lines SKU and quantity per line, at least one
	 * @param shippingAddress where it goes
	 * @param paymentMethod the payment method token to charge
	 * @param now the time of placing
	 * @param deadline when a pending order is given up
	 * @return the pending order
	 */
	public static Order place(UUID id, String customerId, UUID cartId, Map<String, Integer> lines,
			ShippingAddress shippingAddress, String paymentMethod, Instant now, Instant deadline) {
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("An order needs at least one line");
		}
		Order order = new Order();
		order.id = Objects.requireNonNull(id);
		order.customerId = Objects.requireNonNull(customerId);
		order.cartId = Objects.requireNonNull(cartId);
		lines.forEach((sku, quantity) -> order.lines.add(OrderLine.of(sku, quantity)));
		order.shippingAddress = Objects.requireNonNull(shippingAddress);
		order.paymentMethod = Objects.requireNonNull(paymentMethod);
		order.placedAt = now;
		order.deadline = deadline;
		order.status = OrderStatus.PENDING;
		order.history.add(new StatusChange(OrderStatus.PENDING, now, null));
		order.updatedAt = now;
		return order;
	}

	/**
	 * The catalog reserved every line: take its prices.
	 * @param prices the catalog's unit price and product name per SKU
	 * @param now the time
	 */
	public void stockReserved(Map<String, PricedSku> prices, Instant now) {
		requireMove(OrderStatus.RESERVED);
		List<OrderLine> priced = new ArrayList<>();
		for (OrderLine line : this.lines) {
			PricedSku price = prices.get(line.sku());
			if (price == null) {
				throw new IllegalArgumentException("The reservation has no price for " + line.sku());
			}
			priced.add(line.priced(price.unitPrice(), price.productName()));
		}
		Money total = priced.stream()
			.map(OrderLine::total)
			.reduce(Money::plus)
			.orElseThrow(() -> new IllegalStateException("An order without lines"));
		this.lines.clear();
		this.lines.addAll(priced);
		this.totalAmount = total.amount();
		this.currency = total.currency();
		moveTo(OrderStatus.RESERVED, now, null);
	}

	/**
	 * The catalog could not reserve the stock.
	 * @param reason why, for the customer
	 * @param now the time
	 */
	public void stockRejected(String reason, Instant now) {
		if (this.status != OrderStatus.PENDING) {
			throw new IllegalOrderTransitionException(this.id, this.status, OrderStatus.REJECTED);
		}
		moveTo(OrderStatus.REJECTED, now, reason);
	}

	/**
	 * The payment provider authorized the total.
	 * @param authorization the provider's reference, used to capture or void it
	 * @param now the time
	 */
	public void paymentAuthorized(String authorization, Instant now) {
		requireMove(OrderStatus.AUTHORIZED);
		this.paymentAuthorization = Objects.requireNonNull(authorization);
		moveTo(OrderStatus.AUTHORIZED, now, null);
	}

	/**
	 * The payment was declined, or could not be captured.
	 * @param reason the provider's reason
	 * @param now the time
	 */
	public void paymentFailed(String reason, Instant now) {
		moveTo(OrderStatus.PAYMENT_FAILED, now, reason);
	}

	/**
	 * Stock sold and payment captured.
	 * @param now the time
	 */
	public void confirm(Instant now) {
		moveTo(OrderStatus.CONFIRMED, now, null);
	}

	/**
	 * No answer came before the deadline.
	 * @param now the time
	 */
	public void timeOut(Instant now) {
		if (this.status != OrderStatus.PENDING && this.status != OrderStatus.RESERVED) {
			throw new IllegalOrderTransitionException(this.id, this.status, OrderStatus.REJECTED);
		}
		moveTo(OrderStatus.REJECTED, now, "TIMED_OUT");
	}

	/**
	 * Cancels the order, which is possible until it ships.
	 * @param reason why
	 * @param now the time
	 */
	public void cancel(String reason, Instant now) {
		moveTo(OrderStatus.CANCELLED, now, reason);
	}

	public void ship(Instant now) {
		moveTo(OrderStatus.SHIPPED, now, null);
	}

	public void deliver(Instant now) {
		moveTo(OrderStatus.DELIVERED, now, null);
	}

	/**
	 * Whether the deadline passed while the order still waited for the saga.
	 * @param now the time
	 * @return {@code true} for a pending or reserved order past its deadline
	 */
	public boolean isOverdue(Instant now) {
		return (this.status == OrderStatus.PENDING || this.status == OrderStatus.RESERVED)
				&& now.isAfter(this.deadline);
	}

	public boolean isOwnedBy(String customerId) {
		return this.customerId.equals(customerId);
	}

	private void requireMove(OrderStatus next) {
		if (!this.status.canMoveTo(next)) {
			throw new IllegalOrderTransitionException(this.id, this.status, next);
		}
	}

	private void moveTo(OrderStatus next, Instant now, @Nullable String reason) {
		requireMove(next);
		this.status = next;
		this.updatedAt = now;
		this.history.add(new StatusChange(next, now, reason));
	}

	public UUID id() {
		return this.id;
	}

	public String customerId() {
		return this.customerId;
	}

	public UUID cartId() {
		return this.cartId;
	}

	public OrderStatus status() {
		return this.status;
	}

	public List<OrderLine> lines() {
		return Collections.unmodifiableList(this.lines);
	}

	public ShippingAddress shippingAddress() {
		return this.shippingAddress;
	}

	public String paymentMethod() {
		return this.paymentMethod;
	}

	public @Nullable String paymentAuthorization() {
		return this.paymentAuthorization;
	}

	/**
	 * What the customer pays.
	 * @return the sum of the priced lines, or {@code null} before the catalog priced them
	 */
	public @Nullable Money total() {
		return (this.totalAmount != null) ? new Money(this.totalAmount, this.currency) : null;
	}

	public Instant placedAt() {
		return this.placedAt;
	}

	public Instant deadline() {
		return this.deadline;
	}

	public List<StatusChange> history() {
		return Collections.unmodifiableList(this.history);
	}

	public long version() {
		return this.version;
	}

	/**
	 * The catalog's price and name for one reserved SKU.
	 *
	 * @param unitPrice the unit price
	 * @param productName the product's name
	 */
	public record PricedSku(Money unitPrice, String productName) {
	}

}
