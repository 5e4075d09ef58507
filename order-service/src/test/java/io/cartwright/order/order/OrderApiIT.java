package io.cartwright.order.order;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cartwright.infra.test.TestTokens;
import io.cartwright.order.OrderIntegrationTest;
import io.cartwright.order.pricing.Money;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads of orders, and the back office's moves, over HTTP. */
class OrderApiIT extends OrderIntegrationTest {

	@Autowired
	RestTestClient http;

	@Autowired
	OrderRepository orders;

	private Order stored(String customer, Instant placedAt, OrderStatus upTo) {
		Order order = Order.place(UUID.randomUUID(), customer, UUID.randomUUID(), Map.of("SKU-A", 2),
				new ShippingAddress("Ada", "1 Main St", null, "1000", "Brussels", "BE"), "tok_visa", placedAt,
				placedAt.plus(Duration.ofMinutes(5)));
		if (upTo != OrderStatus.PENDING) {
			order.stockReserved(Map.of("SKU-A", new Order.PricedSku(new Money(450, "EUR"), "Mug")), placedAt);
			order.paymentAuthorized("sim_auth_" + order.id(), placedAt);
			order.confirm(placedAt);
		}
		if (upTo == OrderStatus.SHIPPED) {
			order.ship(placedAt);
		}
		return this.orders.save(order);
	}

	private static String customer() {
		return "c-" + UUID.randomUUID();
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	@Test
	void theOwnerReadsAnOrderWithItsPricesAndAnEtag() {
		String customer = customer();
		Order order = stored(customer, now(), OrderStatus.CONFIRMED);
		this.http.get()
			.uri("/orders/{id}", order.id())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customer))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, "\"" + order.version() + "\"")
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(order.id().toString())
			.jsonPath("$.status")
			.isEqualTo("CONFIRMED")
			.jsonPath("$.lines[0].name")
			.isEqualTo("Mug")
			.jsonPath("$.lines[0].unitPrice.amount")
			.isEqualTo(450)
			.jsonPath("$.lines[0].lineTotal.amount")
			.isEqualTo(900)
			.jsonPath("$.total.amount")
			.isEqualTo(900)
			.jsonPath("$.shippingAddress.city")
			.isEqualTo("Brussels")
			.jsonPath("$.history.length()")
			.isEqualTo(4)
			.jsonPath("$.placedAt")
			.exists();
	}

	@Test
	void anotherCustomerGets404AndStaffCannotUseTheCustomerApi() {
		Order order = stored(customer(), now(), OrderStatus.PENDING);
		this.http.get()
			.uri("/orders/{id}", order.id())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customer()))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		this.http.post()
			.uri("/orders/{id}/cancel", order.id())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customer()))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.http.get()
			.uri("/orders/{id}", order.id())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff("s1"))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.http.get().uri("/orders/{id}", order.id()).exchange().expectStatus().isUnauthorized();
	}

	@Test
	void aCustomerListsTheirOwnOrdersNewestFirstPagedAndByStatus() {
		String customer = customer();
		Instant start = now();
		Order oldest = stored(customer, start.minusSeconds(30), OrderStatus.PENDING);
		Order middle = stored(customer, start.minusSeconds(20), OrderStatus.CONFIRMED);
		Order newest = stored(customer, start.minusSeconds(10), OrderStatus.PENDING);
		stored(customer(), start, OrderStatus.PENDING);
		String token = "Bearer " + TestTokens.customer(customer);

		this.http.get()
			.uri("/orders?page=0&size=2")
			.header(HttpHeaders.AUTHORIZATION, token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[*].id")
			.isEqualTo(List.of(newest.id().toString(), middle.id().toString()))
			.jsonPath("$.page.totalElements")
			.isEqualTo(3)
			.jsonPath("$.page.totalPages")
			.isEqualTo(2);
		this.http.get()
			.uri("/orders?page=1&size=2")
			.header(HttpHeaders.AUTHORIZATION, token)
			.exchange()
			.expectBody()
			.jsonPath("$.content[*].id")
			.isEqualTo(List.of(oldest.id().toString()));
		this.http.get()
			.uri("/orders?status=CONFIRMED")
			.header(HttpHeaders.AUTHORIZATION, token)
			.exchange()
			.expectBody()
			.jsonPath("$.content[*].id")
			.isEqualTo(List.of(middle.id().toString()));
		this.http.get()
			.uri("/orders?size=500")
			.header(HttpHeaders.AUTHORIZATION, token)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("size");
	}

	@Test
	void staffListsOrdersByCustomerAndStatusAndCustomersCannot() {
		String customer = customer();
		Order pending = stored(customer, now().minusSeconds(5), OrderStatus.PENDING);
		Order confirmed = stored(customer, now(), OrderStatus.CONFIRMED);
		String staff = "Bearer " + TestTokens.staff("s1");

		this.http.get()
			.uri("/admin/orders?customerId={c}", customer)
			.header(HttpHeaders.AUTHORIZATION, staff)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[*].id")
			.isEqualTo(List.of(confirmed.id().toString(), pending.id().toString()));
		this.http.get()
			.uri("/admin/orders?customerId={c}&status=PENDING", customer)
			.header(HttpHeaders.AUTHORIZATION, staff)
			.exchange()
			.expectBody()
			.jsonPath("$.content[*].id")
			.isEqualTo(List.of(pending.id().toString()));
		this.http.get()
			.uri("/admin/orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customer))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void staffShipsAndDeliversAConfirmedOrderButCannotShipAPendingOne() {
		Order confirmed = stored(customer(), now(), OrderStatus.CONFIRMED);
		Order pending = stored(customer(), now(), OrderStatus.PENDING);
		String staff = "Bearer " + TestTokens.staff("s1");

		this.http.post()
			.uri("/admin/orders/{id}/ship", confirmed.id())
			.header(HttpHeaders.AUTHORIZATION, staff)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("SHIPPED");
		this.http.post()
			.uri("/admin/orders/{id}/deliver", confirmed.id())
			.header(HttpHeaders.AUTHORIZATION, staff)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DELIVERED")
			.jsonPath("$.history[*].status")
			.isEqualTo(List.of("PENDING", "RESERVED", "AUTHORIZED", "CONFIRMED", "SHIPPED", "DELIVERED"));
		this.http.post()
			.uri("/admin/orders/{id}/ship", pending.id())
			.header(HttpHeaders.AUTHORIZATION, staff)
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:illegal-order-transition");
		this.http.post()
			.uri("/admin/orders/{id}/ship", UUID.randomUUID())
			.header(HttpHeaders.AUTHORIZATION, staff)
			.exchange()
			.expectStatus()
			.isNotFound();
		assertThat(this.orders.findById(pending.id()).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
	}

}
