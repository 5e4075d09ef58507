package io.cartwright.catalog.stock;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ReservationRepository extends JpaRepository<Reservation, UUID> {

	/**
	 * An order's reservation, locked until the end of the transaction, so that a release,
	 * a commit and the expiry job take turns on one order.
	 * @param orderId the order
	 * @return its reservation, if there is one
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from Reservation r where r.orderId = :orderId")
	Optional<Reservation> findLocked(UUID orderId);

}
