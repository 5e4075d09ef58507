package io.cartwright.catalog.stock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.cartwright.events.OrderLine;
import io.cartwright.events.OrderPlaced;
import io.cartwright.events.StockLevelChanged;
import io.cartwright.events.StockRejected;
import io.cartwright.events.StockReleased;
import io.cartwright.events.StockReserved;
import io.cartwright.infra.test.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@EmbeddedInfrastructure
@RecordApplicationEvents
class StockReservationsIT {

	@Autowired
	StockReservations reservations;

	@Autowired
	ReservationExpiry expiry;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEvents events;

	StockFixtures fixtures() {
		return new StockFixtures(this.jdbc);
	}

	@Test
	void fiftyParallelReservationsRacingForTenUnitsReserveExactlyTen() throws Exception {
		String sku = fixtures().sellableVariantWithStock(10);
		List<Callable<ReservationStatus>> orders = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			orders.add(() -> this.reservations.reserve(order(new OrderLine(sku, 1))));
		}
		List<ReservationStatus> outcomes = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
			for (Future<ReservationStatus> outcome : pool.invokeAll(orders)) {
				outcomes.add(outcome.get());
			}
		}
		assertThat(outcomes).filteredOn((status) -> status == ReservationStatus.RESERVED).hasSize(10);
		assertThat(outcomes).filteredOn((status) -> status == ReservationStatus.REJECTED).hasSize(40);
		assertThat(fixtures().reserved(sku)).isEqualTo(10);
		assertThat(fixtures().onHand(sku)).isEqualTo(10);
		assertThat(this.jdbc.queryForObject("SELECT COALESCE(SUM(quantity), 0) FROM reservation_line WHERE sku = ?",
				Integer.class, sku))
			.isEqualTo(10);
	}

	@Test
	void anOrderNeedingTwoSkusOneShortReservesNeitherAndNamesTheShortOne() {
		String plenty = fixtures().sellableVariantWithStock(10);
		String scarce = fixtures().sellableVariantWithStock(1);
		OrderPlaced order = order(new OrderLine(plenty, 2), new OrderLine(scarce, 3));

		assertThat(this.reservations.reserve(order)).isEqualTo(ReservationStatus.REJECTED);

		assertThat(fixtures().reserved(plenty)).isZero();
		assertThat(fixtures().reserved(scarce)).isZero();
		assertThat(fixtures().reservationStatus(order.orderId())).isEqualTo("REJECTED");
		assertThat(fixtures().reservationLines(order.orderId())).isZero();
		assertThat(this.events.stream(StockRejected.class)
			.filter((rejected) -> rejected.orderId().equals(order.orderId()))
			.flatMap((rejected) -> rejected.problems().stream())).singleElement()
			.isEqualTo(new StockRejected.Problem(scarce, 3, 1, "INSUFFICIENT_STOCK"));
		assertThat(this.events.stream(StockReserved.class)
			.filter((reserved) -> reserved.orderId().equals(order.orderId()))).isEmpty();
	}

	@Test
	void rejectsUnknownAndNotForSaleSkusWithTheirReasons() {
		String archived = fixtures().variant(500, "EUR", "ACTIVE", "ARCHIVED");
		fixtures().stock(archived, 5, 0);
		String draft = fixtures().variant(500, "EUR", "DRAFT", "ACTIVE");
		OrderPlaced order = order(new OrderLine(archived, 1), new OrderLine(draft, 1), new OrderLine("NOPE-1", 1));

		assertThat(this.reservations.reserve(order)).isEqualTo(ReservationStatus.REJECTED);

		assertThat(this.events.stream(StockRejected.class).flatMap((rejected) -> rejected.problems().stream()))
			.containsExactlyInAnyOrder(new StockRejected.Problem(archived, 1, 5, "NOT_FOR_SALE"),
					new StockRejected.Problem(draft, 1, 0, "NOT_FOR_SALE"),
					new StockRejected.Problem("NOPE-1", 1, 0, "UNKNOWN_SKU"));
	}

	@Test
	void reservesEveryLineWithTheCatalogsPriceAndProductName() {
		String sku = fixtures().variant(2499, "EUR", "ACTIVE", "ACTIVE");
		fixtures().stock(sku, 4, 0);
		OrderPlaced order = order(new OrderLine(sku, 1), new OrderLine(sku, 2));

		assertThat(this.reservations.reserve(order)).isEqualTo(ReservationStatus.RESERVED);

		assertThat(fixtures().reserved(sku)).isEqualTo(3);
		StockReserved reserved = this.events.stream(StockReserved.class).findFirst().orElseThrow();
		assertThat(reserved.lines()).singleElement()
			.satisfies((line) -> assertThat(line.sku()).isEqualTo(sku))
			.satisfies((line) -> assertThat(line.quantity()).isEqualTo(3))
			.satisfies((line) -> assertThat(line.unitPrice()).isEqualTo(new io.cartwright.events.Money(2499, "EUR")))
			.satisfies((line) -> assertThat(line.productName()).isEqualTo("Product " + sku));
		assertThat(reserved.expiresAt()).isAfter(Instant.now().plusSeconds(14 * 60));
		assertThat(this.events.stream(StockLevelChanged.class)).anySatisfy((changed) -> {
			assertThat(changed.sku()).isEqualTo(sku);
			assertThat(changed.available()).isEqualTo(1);
		});
	}

	@Test
	void anExpiredReservationIsReleased() {
		String sku = fixtures().sellableVariantWithStock(3);
		OrderPlaced order = order(new OrderLine(sku, 2));
		this.reservations.reserve(order);
		fixtures().expire(order.orderId());

		this.expiry.releaseExpired();

		assertThat(fixtures().reservationStatus(order.orderId())).isEqualTo("RELEASED");
		assertThat(fixtures().reserved(sku)).isZero();
		assertThat(fixtures().onHand(sku)).isEqualTo(3);
	}

	@Test
	void aDuplicateOrderPlacedReservesOnce() {
		String sku = fixtures().sellableVariantWithStock(5);
		OrderPlaced order = order(new OrderLine(sku, 2));

		assertThat(this.reservations.reserve(order)).isEqualTo(ReservationStatus.RESERVED);
		assertThat(this.reservations.reserve(order)).isEqualTo(ReservationStatus.RESERVED);

		assertThat(fixtures().reserved(sku)).isEqualTo(2);
		assertThat(this.events.stream(StockReserved.class)).hasSize(1);
	}

	@Test
	void aReleaseBeforeItsOrderPlacedLeavesATombstoneSoTheLateOrderReservesNothing() {
		String sku = fixtures().sellableVariantWithStock(5);
		OrderPlaced order = order(new OrderLine(sku, 2));

		this.reservations.release(order.orderId(), ReleaseReason.ORDER_CANCELLED);
		assertThat(this.reservations.reserve(order)).isEqualTo(ReservationStatus.RELEASED);

		assertThat(fixtures().reserved(sku)).isZero();
		assertThat(this.events.stream(StockReserved.class)).isEmpty();
	}

	@Test
	void releasingTwiceGivesTheStockBackOnce() {
		String sku = fixtures().sellableVariantWithStock(5);
		OrderPlaced order = order(new OrderLine(sku, 2));
		this.reservations.reserve(order);

		this.reservations.release(order.orderId(), ReleaseReason.ORDER_REJECTED);
		this.reservations.release(order.orderId(), ReleaseReason.ORDER_REJECTED);

		assertThat(fixtures().reserved(sku)).isZero();
		assertThat(this.events.stream(StockReleased.class)).singleElement()
			.satisfies((released) -> assertThat(released.reason()).isEqualTo("ORDER_REJECTED"));
	}

	@Test
	void aCommitSellsOnceAndACancelAfterItPutsTheUnitsBackOnHand() {
		String sku = fixtures().sellableVariantWithStock(5);
		OrderPlaced order = order(new OrderLine(sku, 2));
		this.reservations.reserve(order);

		this.reservations.commit(order.orderId());
		this.reservations.commit(order.orderId());
		assertThat(fixtures().onHand(sku)).isEqualTo(3);
		assertThat(fixtures().reserved(sku)).isZero();
		assertThat(fixtures().reservationStatus(order.orderId())).isEqualTo("COMMITTED");

		this.reservations.release(order.orderId(), ReleaseReason.ORDER_CANCELLED);
		assertThat(fixtures().onHand(sku)).isEqualTo(5);
		assertThat(fixtures().reservationStatus(order.orderId())).isEqualTo("RETURNED");
		assertThat(this.jdbc.queryForList("SELECT reason FROM stock_movement WHERE sku = ? ORDER BY id", String.class,
				sku))
			.containsExactly("SALE", "RETURN");
	}

	static OrderPlaced order(OrderLine... lines) {
		return new OrderPlaced(UUID.randomUUID(), "c1", UUID.randomUUID(), List.of(lines), Instant.now());
	}

}
