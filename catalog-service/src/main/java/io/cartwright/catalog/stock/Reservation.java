package io.cartwright.catalog.stock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The stock held for one order, the catalog's side of the checkout saga. Its status moves
 * only along RESERVED → RELEASED, RESERVED → COMMITTED → RETURNED; REJECTED is final from
 * the start. Each move is a method that refuses an illegal one. One row per order id,
 * whatever happened, so that a redelivered or late event finds it.
 */
@Entity
@Table(name = "reservation")
class Reservation {

	@Id
	@Column(name = "order_id", length = 36)
	@JdbcTypeCode(SqlTypes.CHAR)
	private UUID orderId;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private ReservationStatus status;

	@Column(name = "expires_at")
	private Instant expiresAt;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	// A wrapper, so that null marks a new entity and save() persists instead of merging.
	@Version
	private Long version;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "reservation_line", joinColumns = @JoinColumn(name = "order_id"))
	private List<ReservationLine> lines = new ArrayList<>();

	protected Reservation() {
	}

	private Reservation(UUID orderId, ReservationStatus status, List<ReservationLine> lines, Instant expiresAt,
			Instant now) {
		this.orderId = orderId;
		this.status = status;
		this.lines = new ArrayList<>(lines);
		this.expiresAt = expiresAt;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** Stock was reserved for every line. */
	static Reservation reserved(UUID orderId, List<ReservationLine> lines, Instant expiresAt, Instant now) {
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("A reservation needs at least one line");
		}
		return new Reservation(orderId, ReservationStatus.RESERVED, lines, expiresAt, now);
	}

	/** Nothing could be reserved for the order. */
	static Reservation rejected(UUID orderId, Instant now) {
		return new Reservation(orderId, ReservationStatus.REJECTED, List.of(), now, now);
	}

	/**
	 * The order was cancelled or rejected before its {@code OrderPlaced} arrived: a
	 * tombstone that makes the late {@code OrderPlaced} a no-op.
	 */
	static Reservation releasedBeforePlaced(UUID orderId, Instant now) {
		return new Reservation(orderId, ReservationStatus.RELEASED, List.of(), now, now);
	}

	/** Gives the reserved units back (the caller moves the counters). */
	void release(Instant now) {
		require(ReservationStatus.RESERVED, "release");
		moveTo(ReservationStatus.RELEASED, now);
	}

	/** Turns the reserved units into a sale (the caller moves the counters). */
	void commit(Instant now) {
		require(ReservationStatus.RESERVED, "commit");
		moveTo(ReservationStatus.COMMITTED, now);
	}

	/** Takes the sold units back on hand (the caller moves the counters). */
	void returnSold(Instant now) {
		require(ReservationStatus.COMMITTED, "return");
		moveTo(ReservationStatus.RETURNED, now);
	}

	boolean isExpired(Instant now) {
		return this.status == ReservationStatus.RESERVED && !this.expiresAt.isAfter(now);
	}

	private void require(ReservationStatus expected, String move) {
		if (this.status != expected) {
			throw new ReservationStateException(
					"Cannot %s the reservation of order %s: it is %s".formatted(move, this.orderId, this.status));
		}
	}

	private void moveTo(ReservationStatus next, Instant now) {
		this.status = next;
		this.updatedAt = now;
	}

	UUID orderId() {
		return this.orderId;
	}

	ReservationStatus status() {
		return this.status;
	}

	Instant expiresAt() {
		return this.expiresAt;
	}

	List<ReservationLine> lines() {
		return List.copyOf(this.lines);
	}

}
