package io.cartwright.gateway;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.cartwright.infra.test.EmbeddedInfrastructure;
import io.cartwright.infra.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Small buckets (3 requests, 1 more a second; 2 on auth-server's routes) and callers on
 * different loopback addresses (127.0.0.x), counted in the embedded Redis.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "RATE_LIMIT_ANONYMOUS_REPLENISH_RATE=1", "RATE_LIMIT_ANONYMOUS_BURST_CAPACITY=3",
				"RATE_LIMIT_AUTHENTICATED_REPLENISH_RATE=1", "RATE_LIMIT_AUTHENTICATED_BURST_CAPACITY=3",
				"RATE_LIMIT_AUTH_REPLENISH_RATE=1", "RATE_LIMIT_AUTH_BURST_CAPACITY=2" })
@EmbeddedInfrastructure
class RateLimitIT {

	private static final AtomicInteger nextAddress = new AtomicInteger(ThreadLocalRandom.current().nextInt(10, 100));

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		Upstreams.register(registry);
	}

	@BeforeEach
	void resetUpstreams() {
		Upstreams.reset();
	}

	@Test
	void refusesABurstAboveTheLimitWithRetryAfterAndAProblemThenLetsTheCallerInAgain() {
		WebTestClient client = fromNewAddress();
		assertBucketOfThreeRunsOut(client, "/api/catalog/products", null).expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "1")
			.expectHeader()
			.valueEquals("X-RateLimit-Remaining", "0")
			.expectHeader()
			.exists("X-Request-Id")
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:rate-limited")
			.jsonPath("$.status")
			.isEqualTo(429)
			.jsonPath("$.instance")
			.isEqualTo("/api/catalog/products");
		int forwarded = Upstreams.catalog.requests().size();

		await().atMost(Duration.ofSeconds(3))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> status(client.get().uri("/api/catalog/products")) == HttpStatus.OK);
		assertThat(Upstreams.catalog.requests()).hasSize(forwarded + 1);
	}

	@Test
	void givesEachCustomerTheirOwnBucketWhereverTheyCallFrom() {
		String ada = "Bearer " + TestTokens.customer("ada-" + System.nanoTime());
		String bob = "Bearer " + TestTokens.customer("bob-" + System.nanoTime());
		WebTestClient shared = fromNewAddress();

		assertBucketOfThreeRunsOut(shared, "/api/orders", ada);
		assertThat(status(shared.get().uri("/api/orders").header(HttpHeaders.AUTHORIZATION, bob)))
			.isEqualTo(HttpStatus.OK);
		assertThat(status(fromNewAddress().get().uri("/api/orders").header(HttpHeaders.AUTHORIZATION, ada)))
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
	}

	@Test
	void countsAnonymousCallersPerAddressWhichTheyCannotChoose() {
		WebTestClient first = fromNewAddress();
		assertBucketOfThreeRunsOut(first, "/api/carts", null);

		assertThat(status(first.get().uri("/api/carts/1").header("X-Forwarded-For", "203.0.113.9")))
			.as("X-Forwarded-For from an untrusted caller is ignored")
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(status(fromNewAddress().get().uri("/api/carts/1"))).isEqualTo(HttpStatus.OK);
	}

	@Test
	void limitsSignInMoreStrictlyPerAddressEvenWithAToken() {
		WebTestClient client = fromNewAddress();
		String token = "Bearer " + TestTokens.customer("carol-" + System.nanoTime());
		assertThat(status(client.get().uri("/api/auth/login").header(HttpHeaders.AUTHORIZATION, token)))
			.isEqualTo(HttpStatus.OK);
		assertThat(status(client.get().uri("/api/auth/login"))).isEqualTo(HttpStatus.OK);
		HttpStatus third = status(client.get().uri("/api/auth/login"));
		HttpStatus fourth = status(client.get().uri("/api/auth/login"));
		assertThat(new HttpStatus[] { third, fourth }).contains(HttpStatus.TOO_MANY_REQUESTS);

		assertThat(status(client.get().uri("/api/catalog/products"))).as("the catalog counts apart")
			.isEqualTo(HttpStatus.OK);
	}

	/**
	 * Three requests go through; within the next three one is refused (the bucket is
	 * refilled once a second, so one more may slip through when a second begins).
	 */
	private WebTestClient.ResponseSpec assertBucketOfThreeRunsOut(WebTestClient client, String path,
			String authorization) {
		for (int i = 0; i < 3; i++) {
			assertThat(status(request(client, path, authorization))).as("request %d", i + 1).isEqualTo(HttpStatus.OK);
		}
		for (int i = 0; i < 3; i++) {
			WebTestClient.ResponseSpec response = request(client, path, authorization).exchange();
			if (response.returnResult(Void.class).getStatus().value() == 429) {
				return request(client, path, authorization).exchange().expectStatus().isEqualTo(429);
			}
		}
		throw new AssertionError("no request was refused");
	}

	private static WebTestClient.RequestHeadersSpec<?> request(WebTestClient client, String path,
			String authorization) {
		WebTestClient.RequestHeadersSpec<?> request = client.get().uri(path);
		return (authorization != null) ? request.header(HttpHeaders.AUTHORIZATION, authorization) : request;
	}

	private static HttpStatus status(WebTestClient.RequestHeadersSpec<?> request) {
		return HttpStatus.valueOf(request.exchange().returnResult(Void.class).getStatus().value());
	}

	/** A client calling from an address of its own, as another machine would. */
	private WebTestClient fromNewAddress() {
		String address = "127.0.0." + nextAddress.getAndIncrement();
		HttpClient httpClient = HttpClient.create().bindAddress(() -> new InetSocketAddress(address, 0));
		return WebTestClient.bindToServer(new ReactorClientHttpConnector(httpClient))
			.baseUrl("http://127.0.0.1:" + this.port)
			.build();
	}

}
