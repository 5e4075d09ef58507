package io.cartwright.gateway;

import java.util.List;
import java.util.regex.Pattern;

import io.cartwright.infra.test.TestTokens;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static io.cartwright.gateway.Upstreams.catalog;
import static io.cartwright.gateway.Upstreams.order;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway adds to every exchange: CORS for the storefronts, security headers, a
 * request id and the W3C trace context.
 */
class EdgeHeadersIT extends GatewayIntegrationTest {

	static final String STOREFRONT = "http://localhost:3000";

	static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

	@Nested
	class Cors {

		@Test
		void answersAPreflightFromAStorefrontWithoutAToken() {
			http.options()
				.uri("/api/orders")
				.header(HttpHeaders.ORIGIN, STOREFRONT)
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type, idempotency-key")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, STOREFRONT)
				.expectHeader()
				.value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, (methods) -> assertThat(methods).contains("POST"))
				.expectHeader()
				.value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
						(headers) -> assertThat(headers.toLowerCase()).contains("authorization", "content-type",
								"idempotency-key"))
				.expectHeader()
				.valueEquals(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "3600");
			assertThat(order.requests()).isEmpty();
		}

		@Test
		void refusesAPreflightFromAnotherOrigin() {
			http.options()
				.uri("/api/catalog/products")
				.header(HttpHeaders.ORIGIN, "https://evil.example")
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectHeader()
				.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
			assertThat(catalog.requests()).isEmpty();
		}

		@Test
		void letsAStorefrontReadTheAnswerAndItsHeadersOnce() {
			catalog.withHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
				.withHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
			http.get()
				.uri("/api/catalog/products/1")
				.header(HttpHeaders.ORIGIN, STOREFRONT)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.values(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN,
						(values) -> assertThat(values).containsExactly(STOREFRONT))
				.expectHeader()
				.value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, (exposed) -> assertThat(exposed).contains("Location",
						"ETag", "Retry-After", "X-Request-Id", "X-RateLimit-Remaining"));
		}

		@Test
		void givesAnotherOriginNoCorsHeaders() {
			http.get()
				.uri("/api/catalog/products/1")
				.header(HttpHeaders.ORIGIN, "https://evil.example")
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectHeader()
				.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
		}

	}

	@Nested
	class SecurityHeaders {

		@Test
		void protectsApiAnswersWithoutTouchingTheirCaching() {
			http.get()
				.uri("/api/catalog/products/1")
				.exchange()
				.expectHeader()
				.valueEquals("X-Content-Type-Options", "nosniff")
				.expectHeader()
				.valueEquals("X-Frame-Options", "DENY")
				.expectHeader()
				.valueEquals("Referrer-Policy", "no-referrer")
				.expectHeader()
				.value("Content-Security-Policy",
						(policy) -> assertThat(policy).startsWith("default-src 'none'")
							.contains("frame-ancestors 'none'"))
				.expectHeader()
				.doesNotExist(HttpHeaders.CACHE_CONTROL);
		}

		@Test
		void keepsAServicesOwnPolicyAndLetsTheSwaggerUiLoad() {
			http.get()
				.uri("/api/auth/login")
				.exchange()
				.expectHeader()
				.doesNotExist("Content-Security-Policy")
				.expectHeader()
				.valueEquals("X-Frame-Options", "DENY");
			http.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
			http.get()
				.uri("/webjars/swagger-ui/index.html")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.value("Content-Security-Policy",
						(policy) -> assertThat(policy).contains("script-src 'self'", "connect-src 'self'"));
		}

		@Test
		void limitsTheRequestBody() {
			http.post()
				.uri("/api/carts/1/lines")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("x".repeat(1024 * 1024 + 1))
				.exchange()
				.expectStatus()
				.isEqualTo(413)
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:cartwright:problem:payload-too-large");
			http.post()
				.uri("/api/carts/1/lines")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("x".repeat(1024 * 1024))
				.exchange()
				.expectStatus()
				.isOk();
		}

		@Test
		void limitsABodySentInChunks() {
			Flux<DataBuffer> chunks = Flux.range(0, 20)
				.map((i) -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[64 * 1024]));
			http.post()
				.uri("/api/carts/1/lines")
				.contentType(MediaType.APPLICATION_OCTET_STREAM)
				.body(chunks, DataBuffer.class)
				.exchange()
				.expectStatus()
				.isEqualTo(413)
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(Upstreams.cart.requests()).isEmpty();
		}

	}

	@Nested
	class RequestIdAndTraceContext {

		@Test
		void givesARequestWithoutAnIdANewOneAndReturnsIt() {
			String id = http.get()
				.uri("/api/catalog/products/1")
				.exchange()
				.expectStatus()
				.isOk()
				.returnResult(String.class)
				.getResponseHeaders()
				.getFirst("X-Request-Id");
			assertThat(id).matches("[0-9a-f-]{36}");
			assertThat(catalog.lastRequest().header("X-Request-Id")).isEqualTo(id);
		}

		@Test
		void keepsASaneIdAndReplacesAnInsaneOne() {
			http.get()
				.uri("/api/catalog/products/1")
				.header("X-Request-Id", "storefront-1234.abc")
				.exchange()
				.expectHeader()
				.values("X-Request-Id", (values) -> assertThat(values).containsExactly("storefront-1234.abc"));
			assertThat(catalog.lastRequest().header("X-Request-Id")).isEqualTo("storefront-1234.abc");

			for (String insane : List.of("a".repeat(200), "<script>", "id with spaces")) {
				String returned = http.get()
					.uri("/api/catalog/products/1")
					.header("X-Request-Id", insane)
					.exchange()
					.returnResult(String.class)
					.getResponseHeaders()
					.getFirst("X-Request-Id");
				assertThat(returned).isNotEqualTo(insane).matches("[0-9a-f-]{36}");
				assertThat(catalog.lastRequest().header("X-Request-Id")).isEqualTo(returned);
			}
		}

		@Test
		void returnsTheIdOnTheGatewaysOwnRefusals() {
			http.get()
				.uri("/api/orders")
				.header("X-Request-Id", "refused-1")
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.valueEquals("X-Request-Id", "refused-1");
		}

		@Test
		void passesTheIdDownstreamAsW3cBaggageInsteadOfTheCallersBaggage() {
			http.get()
				.uri("/api/catalog/products/1")
				.header("X-Request-Id", "storefront-77")
				.header("baggage", "requestId=forged,tenant=evil")
				.exchange()
				.expectStatus()
				.isOk();
			assertThat(catalog.lastRequest().header("baggage")).isEqualTo("requestId=storefront-77");

			String id = http.get()
				.uri("/api/catalog/products/1")
				.exchange()
				.returnResult(String.class)
				.getResponseHeaders()
				.getFirst("X-Request-Id");
			assertThat(catalog.lastRequest().header("baggage")).isEqualTo("requestId=" + id);
		}

		@Test
		void startsATraceAndPassesItDownstream() {
			http.get().uri("/api/catalog/products/1").exchange().expectStatus().isOk();
			assertThat(catalog.lastRequest().header("traceparent")).matches(TRACEPARENT);
		}

		@Test
		void continuesTheCallersTrace() {
			String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
			http.get()
				.uri("/api/orders/1")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer("traced"))
				.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
				.exchange()
				.expectStatus()
				.isOk();
			String passedOn = order.lastRequest().header("traceparent");
			assertThat(passedOn).matches(TRACEPARENT);
			var matcher = TRACEPARENT.matcher(passedOn);
			assertThat(matcher.matches()).isTrue();
			assertThat(matcher.group(1)).isEqualTo(traceId);
			assertThat(matcher.group(2)).isNotEqualTo("00f067aa0ba902b7");
		}

	}

}
