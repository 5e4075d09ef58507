package io.cartwright.catalog.stock;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReservationRepository extends JpaRepository<Reservation, UUID> {

	/**
	 * An order's reservation, locked until the end of the transaction, so that a release,
	 * a commit and the expiry job take turns on one order.
	 * @param orderId the order
	 * @return its reservation, if there is one
	 */
	@Query(value = "SELECT * FROM reservation WHERE order_id = :orderId FOR UPDATE", nativeQuery = true)
	Optional<Reservation> findLocked(String orderId);

	/**
	 * An order's reservation, locked until the end of the transaction.
	 * @param orderId the order
	 * @return its reservation, if there is one
	 */
	default Optional<Reservation> findLocked(UUID orderId) {
		return findLocked(orderId.toString());
	}

}
