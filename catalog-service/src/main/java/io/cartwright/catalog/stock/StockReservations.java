package io.cartwright.catalog.stock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import io.cartwright.events.OrderLine;
import io.cartwright.events.OrderPlaced;
import io.cartwright.events.StockRejected;
import io.cartwright.events.StockReleased;
import io.cartwright.events.StockReserved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog's side of the checkout saga: reserves stock for an order (all lines or
 * none), releases it on cancel, reject or expiry, and turns it into a sale on
 * confirmation. Every method is idempotent and tolerates events that come late or out of
 * order, because each order keeps exactly one {@link Reservation} row whatever happened
 * to it.
 * <p>
 * Transactions run at {@code READ COMMITTED}: InnoDB then takes no gap locks, so a
 * locking read of a reservation that does not exist yet (a release before its order was
 * placed) cannot deadlock with concurrent inserts of other orders' reservations.
 */
@Service
public class StockReservations {

	private static final Logger log = LoggerFactory.getLogger(StockReservations.class);

	/** The actor of movements made by the saga rather than by a person. */
	static final String SYSTEM = "system";

	private final ReservationRepository reservations;

	private final StockCounters counters;

	private final VariantFacts variants;

	private final StockMovementRepository movements;

	private final StockLevelNotices notices;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final ReservationProperties properties;

	StockReservations(ReservationRepository reservations, StockCounters counters, VariantFacts variants,
			StockMovementRepository movements, StockLevelNotices notices, ApplicationEventPublisher events,
			JdbcClient jdbc, ReservationProperties properties) {
		this.reservations = reservations;
		this.counters = counters;
		this.variants = variants;
		this.movements = movements;
		this.notices = notices;
		this.events = events;
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * Reserves the stock of every line of an order, or of none. Publishes
	 * {@code StockReserved} (with the catalog's unit prices) or {@code StockRejected}
	 * (with a problem per SKU). An order that already has a reservation row (a
	 * redelivery, or a release that came first) is left alone.
	 * @param order the placed order
	 * @return the status of the order's reservation afterwards
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public ReservationStatus reserve(OrderPlaced order) {
		Optional<Reservation> existing = this.reservations.findById(order.orderId());
		if (existing.isPresent()) {
			log.info("Order {} already has a {} reservation; OrderPlaced ignored", order.orderId(),
					existing.get().status());
			return existing.get().status();
		}
		Instant now = Timestamps.now();
		SortedMap<String, Integer> quantities = quantitiesBySku(order.lines());
		Map<String, VariantFacts.Variant> facts = this.variants.of(quantities.keySet());
		List<StockRejected.Problem> problems = new ArrayList<>();
		List<ReservationLine> reserved = new ArrayList<>();
		// Sorted by SKU, so that two orders lock the same rows in the same order.
		quantities.forEach((sku, quantity) -> {
			VariantFacts.Variant variant = facts.get(sku);
			if (variant == null) {
				problems.add(new StockRejected.Problem(sku, quantity, 0, "UNKNOWN_SKU"));
			}
			else if (!variant.forSale()) {
				problems.add(new StockRejected.Problem(sku, quantity, this.counters.available(sku), "NOT_FOR_SALE"));
			}
			else if (this.counters.reserve(sku, quantity, now)) {
				reserved.add(new ReservationLine(sku, quantity, variant.price(), variant.productName()));
			}
			else {
				problems
					.add(new StockRejected.Problem(sku, quantity, this.counters.available(sku), "INSUFFICIENT_STOCK"));
			}
		});
		if (!problems.isEmpty()) {
			// Undo what this transaction reserved before the shortage showed: its row
			// locks
			// are still held, so nobody has seen those units reserved.
			reserved.forEach((line) -> this.counters.unreserve(line.sku(), line.quantity(), now));
			this.reservations.save(Reservation.rejected(order.orderId(), now));
			this.events.publishEvent(new StockRejected(order.orderId(), List.copyOf(problems), now));
			log.info("Stock for order {} rejected: {}", order.orderId(), problems);
			return ReservationStatus.REJECTED;
		}
		Instant expiresAt = now.plus(this.properties.reservationTtl());
		this.reservations.save(Reservation.reserved(order.orderId(), reserved, expiresAt, now));
		reserved.forEach((line) -> {
			int available = this.counters.available(line.sku());
			this.notices.changed(line.sku(), available + line.quantity(), available, now);
		});
		this.events.publishEvent(new StockReserved(order.orderId(),
				reserved.stream().map(ReservationLine::toEvent).toList(), expiresAt, now));
		log.info("Stock for order {} reserved until {}", order.orderId(), expiresAt);
		return ReservationStatus.RESERVED;
	}

	/**
	 * Gives an order's stock back. A reserved order releases its units; a confirmed
	 * (committed) order that is cancelled puts its sold units back on hand with
	 * {@code RETURN} movements; both publish {@code StockReleased}. An order without a
	 * reservation gets a tombstone, so that its late {@code OrderPlaced} reserves
	 * nothing. Anything else (already released, rejected or returned) changes nothing.
	 * @param orderId the order
	 * @param reason why
	 * @return the status of the order's reservation afterwards
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public ReservationStatus release(UUID orderId, ReleaseReason reason) {
		Instant now = Timestamps.now();
		Optional<Reservation> found = this.reservations.findLocked(orderId);
		if (found.isEmpty()) {
			this.reservations.save(Reservation.releasedBeforePlaced(orderId, now));
			log.info("Order {} released ({}) before it was placed; tombstone left", orderId, reason);
			return ReservationStatus.RELEASED;
		}
		Reservation reservation = found.get();
		switch (reservation.status()) {
			case RESERVED -> releaseReserved(reservation, reason, now);
			case COMMITTED -> {
				if (reason == ReleaseReason.ORDER_CANCELLED) {
					returnSold(reservation, now);
				}
				else {
					log.warn("Order {} is confirmed; {} ignored", orderId, reason);
				}
			}
			default ->
				log.info("Reservation of order {} is {}; {} changes nothing", orderId, reservation.status(), reason);
		}
		return reservation.status();
	}

	/**
	 * Turns an order's reserved stock into a sale: on hand and reserved both go down,
	 * with a {@code SALE} movement per line. Committing twice changes nothing; an order
	 * whose reservation was already released (it expired) cannot be sold from it and is
	 * logged.
	 * @param orderId the confirmed order
	 * @return the status of the order's reservation afterwards, or empty when it has none
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public Optional<ReservationStatus> commit(UUID orderId) {
		Optional<Reservation> found = this.reservations.findLocked(orderId);
		if (found.isEmpty()) {
			log.warn("Order {} was confirmed but has no reservation; nothing to sell", orderId);
			return Optional.empty();
		}
		Reservation reservation = found.get();
		if (reservation.status() != ReservationStatus.RESERVED) {
			if (reservation.status() != ReservationStatus.COMMITTED) {
				log.warn("Order {} was confirmed but its reservation is {}; nothing sold", orderId,
						reservation.status());
			}
			return Optional.of(reservation.status());
		}
		Instant now = Timestamps.now();
		reservation.commit(now);
		for (ReservationLine line : reservation.lines()) {
			int onHand = this.counters.sell(line.sku(), line.quantity(), now);
			this.movements.save(new StockMovement(line.sku(), -line.quantity(), onHand, MovementReason.SALE, null,
					SYSTEM, orderId, now));
		}
		log.info("Reservation of order {} committed", orderId);
		return Optional.of(reservation.status());
	}

	/**
	 * Releases reservations past their expiry, at most {@code limit} of them, each
	 * claimed with {@code SELECT … FOR UPDATE SKIP LOCKED} so that several instances
	 * share the work without waiting for each other or releasing one twice.
	 * @param now the time to compare expiry with
	 * @param limit how many at most
	 * @return how many were released
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	int releaseExpired(Instant now, int limit) {
		List<String> claimed = this.jdbc.sql("""
				SELECT order_id FROM reservation
				WHERE status = 'RESERVED' AND expires_at <= :now
				ORDER BY expires_at LIMIT :limit
				FOR UPDATE SKIP LOCKED""")
			.param("now", Timestamps.utc(now))
			.param("limit", limit)
			.query(String.class)
			.list();
		int released = 0;
		for (String orderId : claimed) {
			Reservation reservation = this.reservations.findById(UUID.fromString(orderId)).orElseThrow();
			if (reservation.isExpired(now)) {
				releaseReserved(reservation, ReleaseReason.EXPIRED, Timestamps.now());
				released++;
			}
		}
		return released;
	}

	private void releaseReserved(Reservation reservation, ReleaseReason reason, Instant now) {
		reservation.release(now);
		for (ReservationLine line : reservation.lines()) {
			this.counters.unreserve(line.sku(), line.quantity(), now);
			int available = this.counters.available(line.sku());
			this.notices.changed(line.sku(), available - line.quantity(), available, now);
		}
		this.events.publishEvent(new StockReleased(reservation.orderId(), reason.name(), now));
		log.info("Reservation of order {} released ({})", reservation.orderId(), reason);
	}

	private void returnSold(Reservation reservation, Instant now) {
		reservation.returnSold(now);
		for (ReservationLine line : reservation.lines()) {
			int onHand = this.counters.putBack(line.sku(), line.quantity(), now);
			this.movements.save(new StockMovement(line.sku(), line.quantity(), onHand, MovementReason.RETURN, null,
					SYSTEM, reservation.orderId(), now));
			int available = this.counters.available(line.sku());
			this.notices.changed(line.sku(), available - line.quantity(), available, now);
		}
		this.events.publishEvent(new StockReleased(reservation.orderId(), ReleaseReason.ORDER_CANCELLED.name(), now));
		log.info("Sold stock of cancelled order {} put back on hand", reservation.orderId());
	}

	private static SortedMap<String, Integer> quantitiesBySku(List<OrderLine> lines) {
		SortedMap<String, Integer> quantities = new TreeMap<>();
		lines.forEach((line) -> quantities.merge(line.sku(), line.quantity(), Math::addExact));
		return quantities;
	}

}
