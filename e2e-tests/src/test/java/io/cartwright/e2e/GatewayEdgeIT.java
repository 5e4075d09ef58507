package io.cartwright.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the gateway does for every storefront call before any service sees it:
 * authentication, rate limits, CORS and the request id.
 */
class GatewayEdgeIT {

	@Test
	void aProtectedRouteWithoutATokenIsA401ProblemDetail() {
		Storefront.Response response = Storefront.anonymous().get("/api/orders");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(response.json().get("status").asInt()).isEqualTo(401);
	}

	@Test
	void aBurstAboveTheLimitIsTurnedAwayWith429UntilTheBucketRefills() throws Exception {
		Storefront greedy = Accounts.newCustomer();
		Storefront other = Accounts.newCustomer();
		List<Storefront.Response> burst = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			List<Future<Storefront.Response>> calls = new ArrayList<>();
			for (int i = 0; i < RunningPlatform.CUSTOMER_BURST * 3; i++) {
				calls.add(pool.submit(() -> greedy.get("/api/orders")));
			}
			for (Future<Storefront.Response> call : calls) {
				burst.add(call.get());
			}
		}
		assertThat(burst).filteredOn((response) -> response.status() == 200).isNotEmpty();
		Storefront.Response limited = burst.stream()
			.filter((response) -> response.status() == 429)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no call of the burst was limited"));
		assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
		long retryAfter = Long.parseLong(limited.header("Retry-After"));
		assertThat(retryAfter).isPositive();

		assertThat(other.get("/api/orders").status()).as("another customer's bucket").isEqualTo(200);
		await().pollDelay(Duration.ofSeconds(retryAfter))
			.atMost(Duration.ofSeconds(retryAfter + 10))
			.until(() -> greedy.get("/api/orders").status() == 200);
	}

	@Test
	void aPreflightFromTheStorefrontsOriginPassesAndOneFromAnotherOriginIsRefused() {
		Storefront.Response allowed = Storefront.anonymous()
			.withHeader("Origin", RunningPlatform.STOREFRONT_ORIGIN)
			.withHeader("Access-Control-Request-Method", "POST")
			.withHeader("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
			.options("/api/orders");
		assertThat(allowed.status()).isEqualTo(200);
		assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(RunningPlatform.STOREFRONT_ORIGIN);
		assertThat(allowed.header("Access-Control-Allow-Methods")).contains("POST");
		assertThat(allowed.header("Access-Control-Allow-Headers")).containsIgnoringCase("idempotency-key");
		assertThat(allowed.header("Access-Control-Max-Age")).isNotBlank();

		Storefront.Response refused = Storefront.anonymous()
			.withHeader("Origin", "https://evil.example")
			.withHeader("Access-Control-Request-Method", "POST")
			.options("/api/orders");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.header("Access-Control-Allow-Origin")).isNull();

		Storefront.Response read = Storefront.anonymous()
			.withHeader("Origin", RunningPlatform.STOREFRONT_ORIGIN)
			.get("/api/catalog/categories");
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.headers().get("Access-Control-Allow-Origin"))
			.containsExactly(RunningPlatform.STOREFRONT_ORIGIN);
	}

	@Test
	void everyAnswerCarriesARequestIdAndACallersOwnIsKept() {
		Storefront.Response fresh = Storefront.anonymous().get("/api/catalog/categories");
		assertThat(fresh.header("X-Request-Id")).isNotBlank();
		Storefront.Response kept = Storefront.anonymous()
			.withHeader("X-Request-Id", "storefront-4711")
			.get("/api/orders");
		assertThat(kept.status()).isEqualTo(401);
		assertThat(kept.header("X-Request-Id")).isEqualTo("storefront-4711");
	}

	@Test
	void oneSwaggerUiShowsEveryServicesApiAtTheGatewaysPaths() {
		Storefront anonymous = Storefront.anonymous();
		JsonNode config = anonymous.get("/v3/api-docs/swagger-config").json();
		assertThat(config.get("urls")).extracting((url) -> url.get("name").asString())
			.containsExactlyInAnyOrder("catalog", "cart", "order");
		JsonNode catalog = anonymous.get("/api/docs/catalog").json();
		assertThat(catalog.get("servers").get(0).get("url").asString()).endsWith("/api/catalog");
		assertThat(catalog.get("paths").has("/products")).isTrue();
		JsonNode cart = anonymous.get("/api/docs/cart").json();
		assertThat(cart.get("paths").propertyNames()).isNotEmpty().noneMatch((path) -> path.startsWith("/internal"));
	}

	@Test
	void internalEndpointsAndServiceActuatorsAreNotReachable() {
		Storefront staff = Accounts.staff();
		assertThat(staff.get("/internal/carts/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(staff.get("/api/carts/../internal/carts/" + java.util.UUID.randomUUID()).status()).isIn(400, 404);
		assertThat(staff.get("/api/catalog/actuator/env").status()).isIn(401, 403, 404);
	}

}
