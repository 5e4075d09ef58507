package io.cartwright.order.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Orders, always read through their owner unless staff asks. */
public interface OrderRepository extends JpaRepository<Order, UUID> {

	Optional<Order> findByIdAndCustomerId(UUID id, String customerId);

	/**
	 * Whether a cart has an order in progress or one that went through (which are the
	 * orders {@code uk_orders_open_cart} allows once per cart).
	 * @param cartId the cart
	 * @return true when ordering it again must be refused
	 */
	@Query("select count(o) > 0 from Order o where o.cartId = :cartId and o.status not in ("
			+ "io.cartwright.order.order.OrderStatus.REJECTED, io.cartwright.order.order.OrderStatus.PAYMENT_FAILED, "
			+ "io.cartwright.order.order.OrderStatus.CANCELLED)")
	boolean hasOpenOrder(UUID cartId);

	Page<Order> findByCustomerIdOrderByPlacedAtDesc(String customerId, Pageable pageable);

	Page<Order> findByCustomerIdAndStatusOrderByPlacedAtDesc(String customerId, OrderStatus status, Pageable pageable);

	/**
	 * Orders still waiting for the saga after their deadline, oldest first.
	 * @param now the time
	 * @param pageable how many at most
	 * @return their ids
	 */
	@Query("select o.id from Order o where o.status in (io.cartwright.order.order.OrderStatus.PENDING, "
			+ "io.cartwright.order.order.OrderStatus.RESERVED) and o.deadline < :now order by o.deadline")
	List<UUID> findOverdue(Instant now, Pageable pageable);

	/**
	 * Orders whose stock is reserved but whose payment got no answer yet, before their
	 * deadline.
	 * @param now the time
	 * @param pageable how many at most
	 * @return their ids
	 */
	@Query("select o.id from Order o where o.status = io.cartwright.order.order.OrderStatus.RESERVED "
			+ "and o.deadline >= :now order by o.deadline")
	List<UUID> findAwaitingPayment(Instant now, Pageable pageable);

	/**
	 * Orders for staff, newest first, optionally of one status and one customer.
	 * @param status the status, or {@code null} for all
	 * @param customerId the customer, or {@code null} for all
	 * @param pageable the page
	 * @return the page
	 */
	@Query("select o from Order o where (:status is null or o.status = :status) "
			+ "and (:customerId is null or o.customerId = :customerId) order by o.placedAt desc, o.id")
	Page<Order> findForStaff(OrderStatus status, String customerId, Pageable pageable);

}
