package io.cartwright.order.order;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.cartwright.order.order.Order.PricedSku;
import io.cartwright.order.pricing.Money;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderTest {

	static final Instant PLACED = Instant.parse("2026-11-27T10:00:00Z");

	static final Instant LATER = PLACED.plusSeconds(5);

	static final ShippingAddress ADDRESS = new ShippingAddress("Ada Lovelace", "1 Analytical Way", null, "10115",
			"Berlin", "DE");

	/**
	 * Every action of the saga and of the people around it, with the status it leads to.
	 */
	enum Action {

		STOCK_RESERVED(OrderStatus.RESERVED, (order) -> order.stockReserved(prices(), LATER)),
		STOCK_REJECTED(OrderStatus.REJECTED, (order) -> order.stockRejected("INSUFFICIENT_STOCK TEE-M", LATER)),
		PAYMENT_AUTHORIZED(OrderStatus.AUTHORIZED, (order) -> order.paymentAuthorized("auth-1", LATER)),
		PAYMENT_FAILED(OrderStatus.PAYMENT_FAILED, (order) -> order.paymentFailed("DECLINED", LATER)),
		CONFIRM(OrderStatus.CONFIRMED, (order) -> order.confirm(LATER)),
		TIME_OUT(OrderStatus.REJECTED, (order) -> order.timeOut(LATER)),
		CANCEL(OrderStatus.CANCELLED, (order) -> order.cancel("CUSTOMER_REQUEST", LATER)),
		SHIP(OrderStatus.SHIPPED, (order) -> order.ship(LATER)),
		DELIVER(OrderStatus.DELIVERED, (order) -> order.deliver(LATER));

		final OrderStatus leadsTo;

		final Consumer<Order> apply;

		Action(OrderStatus leadsTo, Consumer<Order> apply) {
			this.leadsTo = leadsTo;
			this.apply = apply;
		}

	}

	/** The whole state machine, written out: what may happen in each status. */
	static final Map<OrderStatus, Set<Action>> ALLOWED = Map.of(OrderStatus.PENDING,
			EnumSet.of(Action.STOCK_RESERVED, Action.STOCK_REJECTED, Action.TIME_OUT, Action.CANCEL),
			OrderStatus.RESERVED,
			EnumSet.of(Action.PAYMENT_AUTHORIZED, Action.PAYMENT_FAILED, Action.TIME_OUT, Action.CANCEL),
			OrderStatus.AUTHORIZED, EnumSet.of(Action.CONFIRM, Action.PAYMENT_FAILED, Action.CANCEL),
			OrderStatus.CONFIRMED, EnumSet.of(Action.SHIP, Action.CANCEL), OrderStatus.SHIPPED,
			EnumSet.of(Action.DELIVER), OrderStatus.DELIVERED, EnumSet.noneOf(Action.class), OrderStatus.REJECTED,
			EnumSet.noneOf(Action.class), OrderStatus.PAYMENT_FAILED, EnumSet.noneOf(Action.class),
			OrderStatus.CANCELLED, EnumSet.noneOf(Action.class));

	static Stream<Arguments> everyStatusAndAction() {
		return Arrays.stream(OrderStatus.values())
			.flatMap((status) -> Arrays.stream(Action.values()).map((action) -> Arguments.of(status, action)));
	}

	@ParameterizedTest(name = "{0} + {1}")
	@MethodSource("everyStatusAndAction")
	void allowsExactlyTheMovesOfTheStateMachine(OrderStatus status, Action action) {
		Order order = orderIn(status);
		int historyBefore = order.history().size();
		if (ALLOWED.get(status).contains(action)) {
			action.apply.accept(order);
			assertThat(order.status()).isEqualTo(action.leadsTo);
			assertThat(order.history()).hasSize(historyBefore + 1);
			assertThat(order.history().getLast().status()).isEqualTo(action.leadsTo);
			assertThat(order.history().getLast().occurredAt()).isEqualTo(LATER);
		}
		else {
			assertThatThrownBy(() -> action.apply.accept(order)).isInstanceOf(IllegalOrderTransitionException.class)
				.hasMessageContaining(status.name());
			assertThat(order.status()).isEqualTo(status);
			assertThat(order.history()).hasSize(historyBefore);
		}
	}

	@Test
	void theStatusTableAgreesWithTheWrittenOutStateMachine() {
		for (OrderStatus status : OrderStatus.values()) {
			Set<OrderStatus> reachable = EnumSet.noneOf(OrderStatus.class);
			ALLOWED.get(status).forEach((action) -> reachable.add(action.leadsTo));
			assertThat(status.next()).as("next of %s", status).isEqualTo(reachable);
			assertThat(status.isTerminal()).isEqualTo(reachable.isEmpty());
		}
	}

	@Nested
	class Placing {

		@Test
		void startsPendingWithTheCartLinesAndNoPriceYet() {
			Order order = placed();
			assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
			assertThat(order.lines()).extracting(OrderLine::sku, OrderLine::quantity)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("TEE-M", 2),
						org.assertj.core.groups.Tuple.tuple("MUG", 1));
			assertThat(order.total()).isNull();
			assertThat(order.history()).containsExactly(new StatusChange(OrderStatus.PENDING, PLACED, null));
		}

		@Test
		void refusesAnOrderWithoutLines() {
			assertThatThrownBy(() -> Order.place(UUID.randomUUID(), "c1", UUID.randomUUID(), Map.of(), ADDRESS, "tok",
					PLACED, PLACED.plusSeconds(60)))
				.isInstanceOf(IllegalArgumentException.class);
		}

	}

	@Nested
	class Pricing {

		@Test
		void takesTheCatalogPricesAndTotalsTheLines() {
			Order order = placed();
			order.stockReserved(prices(), LATER);
			assertThat(order.lines()).extracting(OrderLine::price)
				.containsExactly(new Money(1999, "EUR"), new Money(850, "EUR"));
			assertThat(order.total()).isEqualTo(new Money(2 * 1999 + 850, "EUR"));
		}

		@Test
		void refusesAReservationThatDoesNotPriceEveryLine() {
			Order order = placed();
			assertThatThrownBy(
					() -> order.stockReserved(Map.of("TEE-M", new PricedSku(new Money(1999, "EUR"), "Tee")), LATER))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("MUG");
			assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
			assertThat(order.total()).isNull();
		}

		@Test
		void refusesPricesInTwoCurrencies() {
			Order order = placed();
			assertThatThrownBy(() -> order.stockReserved(Map.of("TEE-M", new PricedSku(new Money(1999, "EUR"), "Tee"),
					"MUG", new PricedSku(new Money(900, "USD"), "Mug")), LATER))
				.isInstanceOf(IllegalArgumentException.class);
			assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
		}

	}

	@Nested
	class Deadline {

		@Test
		void isOverdueOnlyWhileWaitingForTheSagaPastItsDeadline() {
			Order order = placed();
			assertThat(order.isOverdue(PLACED.plus(Duration.ofSeconds(59)))).isFalse();
			assertThat(order.isOverdue(PLACED.plus(Duration.ofSeconds(61)))).isTrue();
			order.stockReserved(prices(), LATER);
			assertThat(order.isOverdue(PLACED.plus(Duration.ofSeconds(61)))).isTrue();
			order.paymentAuthorized("auth-1", LATER);
			assertThat(order.isOverdue(PLACED.plus(Duration.ofSeconds(61)))).isFalse();
		}

		@Test
		void recordsTheTimeOutAsTheRejectionReason() {
			Order order = placed();
			order.timeOut(LATER);
			assertThat(order.history().getLast()).isEqualTo(new StatusChange(OrderStatus.REJECTED, LATER, "TIMED_OUT"));
		}

	}

	@Test
	void holdsReservedStockOnlyBetweenReservationAndConfirmation() {
		assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::holdsReservedStock).toList())
			.containsExactly(OrderStatus.RESERVED, OrderStatus.AUTHORIZED);
	}

	@Test
	void belongsToTheCustomerWhoPlacedIt() {
		Order order = placed();
		assertThat(order.isOwnedBy("customer-1")).isTrue();
		assertThat(order.isOwnedBy("customer-2")).isFalse();
	}

	static Order placed() {
		Map<String, Integer> lines = new LinkedHashMap<>();
		lines.put("TEE-M", 2);
		lines.put("MUG", 1);
		return Order.place(UUID.randomUUID(), "customer-1", UUID.randomUUID(), lines, ADDRESS, "tok_visa", PLACED,
				PLACED.plusSeconds(60));
	}

	static Map<String, PricedSku> prices() {
		return Map.of("TEE-M", new PricedSku(new Money(1999, "EUR"), "Tee"), "MUG",
				new PricedSku(new Money(850, "EUR"), "Mug"));
	}

	/** An order brought to a status along a legal path. */
	static Order orderIn(OrderStatus status) {
		Order order = placed();
		List<Action> path = switch (status) {
			case PENDING -> List.of();
			case RESERVED -> List.of(Action.STOCK_RESERVED);
			case AUTHORIZED -> List.of(Action.STOCK_RESERVED, Action.PAYMENT_AUTHORIZED);
			case CONFIRMED -> List.of(Action.STOCK_RESERVED, Action.PAYMENT_AUTHORIZED, Action.CONFIRM);
			case SHIPPED -> List.of(Action.STOCK_RESERVED, Action.PAYMENT_AUTHORIZED, Action.CONFIRM, Action.SHIP);
			case DELIVERED ->
				List.of(Action.STOCK_RESERVED, Action.PAYMENT_AUTHORIZED, Action.CONFIRM, Action.SHIP, Action.DELIVER);
			case REJECTED -> List.of(Action.STOCK_REJECTED);
			case PAYMENT_FAILED -> List.of(Action.STOCK_RESERVED, Action.PAYMENT_FAILED);
			case CANCELLED -> List.of(Action.CANCEL);
		};
		path.forEach((action) -> action.apply.accept(order));
		assertThat(order.status()).isEqualTo(status);
		return order;
	}

}
