package io.cartwright.cart.cart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.cartwright.cart.support.CartIntegrationTest;
import io.cartwright.infra.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatusCode;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

class CartConcurrencyIT extends CartIntegrationTest {

	@Test
	void twentyParallelAddsOfOneUnitEndWithQuantityTwenty() throws Exception {
		String sku = sku("RUSH");
		catalog.variant(sku, 250, 1000);
		UUID cart = createGuestCart();
		List<Callable<HttpStatusCode>> adds = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			adds.add(() -> add(cart.toString(), sku, 1, null).returnResult(String.class).getStatus());
		}
		List<HttpStatusCode> statuses = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
			for (Future<HttpStatusCode> status : pool.invokeAll(adds)) {
				statuses.add(status.get());
			}
		}
		assertThat(statuses).allSatisfy((status) -> assertThat(status.value()).isEqualTo(200));
		get("/carts/" + cart, null).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"20\"")
			.expectBody()
			.jsonPath("$.lines.length()")
			.isEqualTo(1)
			.jsonPath("$.lines[0].quantity")
			.isEqualTo(20)
			.jsonPath("$.subtotal.amount")
			.isEqualTo(5000);
	}

	@Test
	void concurrentFirstReadsOfACustomersCartAllGetTheOneCartCreated() throws Exception {
		String customer = customer();
		String token = TestTokens.customer(customer);
		List<Callable<EntityExchangeResult<Map>>> reads = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			reads.add(() -> get("/carts/me", token).returnResult(Map.class));
		}
		List<EntityExchangeResult<Map>> results = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
			for (Future<EntityExchangeResult<Map>> result : pool.invokeAll(reads)) {
				results.add(result.get());
			}
		}
		assertThat(results).allSatisfy((result) -> assertThat(result.getStatus().value()).isEqualTo(200));
		assertThat(results.stream().map((result) -> result.getResponseBody().get("id")).distinct()).hasSize(1);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM cart WHERE customer_id = ?", Integer.class, customer))
			.isEqualTo(1);
	}

}
