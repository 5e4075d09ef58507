package io.cartwright.gateway;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.cartwright.infra.test.EmbeddedInfrastructure;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.cartwright.infra.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.cartwright.gateway.Upstreams.catalog;
import static io.cartwright.gateway.Upstreams.order;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * cart-service is down (nothing listens at its address); the other stand-ins answer, late
 * or with 503 when a test says so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "RATE_LIMIT_ANONYMOUS_REPLENISH_RATE=10000", "RATE_LIMIT_ANONYMOUS_BURST_CAPACITY=10000",
				"RATE_LIMIT_AUTHENTICATED_REPLENISH_RATE=10000", "RATE_LIMIT_AUTHENTICATED_BURST_CAPACITY=10000" })
@AutoConfigureWebTestClient(timeout = "20s")
@EmbeddedInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class ResilienceIT {

	static final String CUSTOMER = "Bearer " + TestTokens.customer("resilient-customer");

	@Autowired
	WebTestClient http;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) throws IOException {
		Upstreams.register(registry);
		String down = RecordingUpstream.closedUrl();
		registry.add("CART_SERVICE_URL", () -> down);
	}

	@Autowired
	CircuitBreakerRegistry breakers;

	@BeforeEach
	void resetUpstreamsAndCircuits() {
		Upstreams.reset();
		this.breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

	@Test
	void answersAServiceThatIsDownWith503AtOnceWhileTheOthersKeepWorking(CapturedOutput log) {
		long started = System.nanoTime();
		http.post()
			.uri("/api/carts")
			.header("X-Request-Id", "down-cart-1")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.value(HttpHeaders.RETRY_AFTER, (seconds) -> assertThat(Integer.parseInt(seconds)).isPositive())
			.expectHeader()
			.exists("X-Request-Id")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:service-unavailable")
			.jsonPath("$.status")
			.isEqualTo(503)
			.jsonPath("$.instance")
			.isEqualTo("/api/carts");
		http.get().uri("/api/carts/1").exchange().expectStatus().isEqualTo(503);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

		http.get().uri("/api/catalog/products/1").exchange().expectStatus().isOk();
		http.get().uri("/health/cart").exchange().expectStatus().isEqualTo(503);
		assertThat(log.getOut()).as("the gateway's log line names the request")
			.containsPattern("cart cannot be reached.*\"requestId\":\"down-cart-1\"");
	}

	@Test
	void opensTheCircuitOfAServiceThatKeepsFailingAndOnlyOfThatService() {
		for (int i = 0; i < 12; i++) {
			http.get().uri("/api/carts/" + i).exchange().expectStatus().isEqualTo(503);
		}
		http.get()
			.uri("/api/carts/paused")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "10")
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("paused"));
		http.get().uri("/api/catalog/products/1").exchange().expectStatus().isOk();
	}

	@Test
	void admitsManyConcurrentCallsToOneService() throws Exception {
		catalog.answeringAfter(Duration.ofMillis(400));
		ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
		try (callers) {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int n = 0; n < 64; n++) {
				statuses.add(callers.submit(() -> http.get()
					.uri("/api/catalog/products/concurrent")
					.exchange()
					.returnResult(String.class)
					.getStatus()
					.value()));
			}
			for (Future<Integer> status : statuses) {
				assertThat(status.get()).as("no call is shed by the breaker's bulkhead").isEqualTo(200);
			}
		}
	}

	@Test
	void answersASlowServiceWith504() {
		catalog.answeringAfter(Duration.ofSeconds(7));
		long started = System.nanoTime();
		http.get()
			.uri("/api/catalog/products/slow")
			.exchange()
			.expectStatus()
			.isEqualTo(504)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:gateway-timeout")
			.jsonPath("$.status")
			.isEqualTo(504);
		Duration waited = Duration.ofNanos(System.nanoTime() - started);
		assertThat(waited).isBetween(Duration.ofMillis(4500), Duration.ofMillis(6500));
		assertThat(catalog.requests()).as("a timeout is not retried").hasSize(1);
	}

	@Test
	void retriesAReadTwiceButAWriteNever() {
		order.answering(503);
		http.get()
			.uri("/api/orders/1")
			.header(HttpHeaders.AUTHORIZATION, CUSTOMER)
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("order");
		assertThat(order.requests()).extracting(RecordingUpstream.Request::method).containsExactly("GET", "GET", "GET");

		order.reset();
		order.answering(503);
		http.post()
			.uri("/api/orders")
			.header(HttpHeaders.AUTHORIZATION, CUSTOMER)
			.header("Idempotency-Key", "key-1")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"cartId\":\"c1\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("order");
		assertThat(order.requests()).extracting(RecordingUpstream.Request::method).containsExactly("POST");
	}

	@Test
	void retriesAReadThatMetAServiceBrieflyUnavailable() {
		catalog.failingNext(2, 502);
		http.get()
			.uri("/api/catalog/products/1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.path")
			.isEqualTo("/products/1");
		assertThat(catalog.requests()).hasSize(3);
	}

}
