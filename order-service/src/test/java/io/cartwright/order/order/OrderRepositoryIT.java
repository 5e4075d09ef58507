package io.cartwright.order.order;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import io.cartwright.infra.test.EmbeddedInfrastructure;
import io.cartwright.order.order.Order.PricedSku;
import io.cartwright.order.pricing.Money;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;

@DataJpaTest
@EmbeddedInfrastructure
class OrderRepositoryIT {

	static final ShippingAddress ADDRESS = new ShippingAddress("Ada Lovelace", "1 Analytical Way", null, "10115",
			"Berlin", "DE");

	@Autowired
	OrderRepository orders;

	@Autowired
	TestEntityManager entities;

	@Test
	void keepsLinesPricesAndTheWholeHistoryInOrder() {
		Instant placed = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Order order = Order.place(UUID.randomUUID(), "customer-" + UUID.randomUUID(), UUID.randomUUID(),
				Map.of("TEE-M", 2), ADDRESS, "tok_visa", placed, placed.plusSeconds(60));
		order.stockReserved(Map.of("TEE-M", new PricedSku(new Money(1999, "EUR"), "Tee")), placed.plusSeconds(1));
		order.paymentAuthorized("auth-1", placed.plusSeconds(2));
		order.confirm(placed.plusSeconds(3));
		this.orders.saveAndFlush(order);
		this.entities.clear();

		Order loaded = this.orders.findByIdAndCustomerId(order.id(), order.customerId()).orElseThrow();
		assertThat(loaded.status()).isEqualTo(OrderStatus.CONFIRMED);
		assertThat(loaded.total()).isEqualTo(new Money(3998, "EUR"));
		assertThat(loaded.lines()).singleElement().satisfies((line) -> {
			assertThat(line.price()).isEqualTo(new Money(1999, "EUR"));
			assertThat(line.productName()).isEqualTo("Tee");
		});
		assertThat(loaded.history()).extracting(StatusChange::status)
			.containsExactly(OrderStatus.PENDING, OrderStatus.RESERVED, OrderStatus.AUTHORIZED, OrderStatus.CONFIRMED);
		assertThat(loaded.history().getLast().occurredAt()).isEqualTo(placed.plusSeconds(3));
		assertThat(loaded.shippingAddress()).isEqualTo(ADDRESS);
	}

	@Test
	void findsOnlyTheOwnersOrdersNewestFirst() {
		String customer = "customer-" + UUID.randomUUID();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Order older = place(customer, now.minusSeconds(60));
		Order newer = place(customer, now);
		place("someone-else-" + UUID.randomUUID(), now);
		this.entities.clear();

		assertThat(this.orders.findByCustomerIdOrderByPlacedAtDesc(customer, PageRequest.of(0, 10)))
			.extracting(Order::id)
			.containsExactly(newer.id(), older.id());
		assertThat(this.orders.findByIdAndCustomerId(older.id(), "someone-else")).isEmpty();
	}

	@Test
	void findsOrdersStillWaitingPastTheirDeadline() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Order overdue = place("customer-" + UUID.randomUUID(), now.minusSeconds(120));
		Order onTime = place("customer-" + UUID.randomUUID(), now);
		this.entities.clear();

		assertThat(this.orders.findOverdue(now, PageRequest.of(0, 1000))).contains(overdue.id())
			.doesNotContain(onTime.id());
	}

	private Order place(String customer, Instant at) {
		return this.orders.saveAndFlush(Order.place(UUID.randomUUID(), customer, UUID.randomUUID(), Map.of("MUG", 1),
				ADDRESS, "tok_visa", at, at.plusSeconds(60)));
	}

}
