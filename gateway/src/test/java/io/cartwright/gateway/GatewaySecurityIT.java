package io.cartwright.gateway;

import io.cartwright.infra.test.TestTokens;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.cartwright.gateway.Upstreams.auth;
import static io.cartwright.gateway.Upstreams.cart;
import static io.cartwright.gateway.Upstreams.catalog;
import static io.cartwright.gateway.Upstreams.order;
import static org.assertj.core.api.Assertions.assertThat;

class GatewaySecurityIT extends GatewayIntegrationTest {

	static final String CUSTOMER_TOKEN = TestTokens.customer("customer-42");

	static final String STAFF_TOKEN = TestTokens.staff("staff-7");

	@Nested
	class WithoutAToken {

		@Test
		void browsesTheCatalog() {
			http.get().uri("/api/catalog/products").exchange().expectStatus().isOk();
			http.head().uri("/api/catalog/products/1").exchange().expectStatus().isOk();
			assertThat(catalog.requests()).extracting(RecordingUpstream.Request::method).containsExactly("GET", "HEAD");
		}

		@Test
		void usesAGuestCartAndSignsIn() {
			http.post().uri("/api/carts").exchange().expectStatus().isOk();
			http.post()
				.uri("/api/auth/login")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.bodyValue("username=ada&password=secret")
				.exchange()
				.expectStatus()
				.isOk();
			http.post().uri("/api/auth/signup").bodyValue("{}").exchange().expectStatus().isOk();
			assertThat(cart.paths()).containsExactly("/carts");
			assertThat(auth.paths()).containsExactly("/login", "/signup");
		}

		@Test
		void seesHealthAndTheGatewaysOwnPublicEndpoints() {
			http.get().uri("/health/cart").exchange().expectStatus().isOk();
			http.get().uri("/actuator/health").exchange().expectStatus().isOk();
			http.get().uri("/actuator/info").exchange().expectStatus().isOk();
			http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
			http.get().uri("/v3/api-docs/swagger-config").exchange().expectStatus().isOk();
		}

		@Test
		void isRefusedOrdersCatalogWritesAndTheBackOfficeWithAProblem() {
			unauthorized(http.get().uri("/api/orders").exchange()).expectHeader()
				.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			unauthorized(http.post().uri("/api/orders").exchange());
			unauthorized(http.post().uri("/api/catalog/products").exchange());
			unauthorized(http.put().uri("/api/catalog/stock/TEE-M").exchange());
			unauthorized(http.get().uri("/api/admin/orders").exchange());
			assertThat(order.requests()).isEmpty();
			assertThat(catalog.requests()).isEmpty();
		}

	}

	@Nested
	class WithAValidToken {

		@Test
		void relaysTheTokenUnchanged() {
			http.get()
				.uri("/api/orders/1")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + CUSTOMER_TOKEN)
				.exchange()
				.expectStatus()
				.isOk();
			assertThat(order.lastRequest().header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + CUSTOMER_TOKEN);
		}

		@Test
		void letsACustomerCheckOutButNotIntoTheBackOffice() {
			http.post()
				.uri("/api/orders")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + CUSTOMER_TOKEN)
				.exchange()
				.expectStatus()
				.isOk();
			http.get()
				.uri("/api/admin/orders")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + CUSTOMER_TOKEN)
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectHeader()
				.value(HttpHeaders.WWW_AUTHENTICATE, (value) -> assertThat(value).contains("insufficient_scope"))
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:cartwright:problem:forbidden")
				.jsonPath("$.status")
				.isEqualTo(403)
				.jsonPath("$.instance")
				.isEqualTo("/api/admin/orders");
			assertThat(order.paths()).containsExactly("/orders");
		}

		@Test
		void letsStaffIntoTheBackOfficeAndWriteTheCatalog() {
			http.post()
				.uri("/api/admin/orders/9/ship")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + STAFF_TOKEN)
				.exchange()
				.expectStatus()
				.isOk();
			http.put()
				.uri("/api/catalog/products/1")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + STAFF_TOKEN)
				.exchange()
				.expectStatus()
				.isOk();
			assertThat(order.paths()).containsExactly("/admin/orders/9/ship");
			assertThat(catalog.paths()).containsExactly("/products/1");
		}

	}

	@Nested
	class WithABadToken {

		@Test
		void isRefusedEvenWherePublic() {
			for (String token : new String[] { TestTokens.expired("customer-42", "CUSTOMER"),
					TestTokens.signedByAnotherKey("customer-42", "CUSTOMER"), CUSTOMER_TOKEN + "x", "not-a-jwt" }) {
				unauthorized(http.get()
					.uri("/api/catalog/products")
					.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
					.exchange()).expectHeader()
					.value(HttpHeaders.WWW_AUTHENTICATE,
							(value) -> assertThat(value).startsWith("Bearer error=\"invalid_token\""));
				unauthorized(
						http.post().uri("/api/carts").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange());
			}
			assertThat(catalog.requests()).isEmpty();
			assertThat(cart.requests()).isEmpty();
		}

	}

	@Test
	void keepsNoSession() {
		http.get()
			.uri("/api/orders/1")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + CUSTOMER_TOKEN)
			.exchange()
			.expectHeader()
			.doesNotExist(HttpHeaders.SET_COOKIE);
		// Without the token again, the earlier sign-in counts for nothing.
		unauthorized(http.get().uri("/api/orders/1").exchange());
	}

	private static WebTestClient.ResponseSpec unauthorized(WebTestClient.ResponseSpec response) {
		response.expectStatus()
			.isEqualTo(HttpStatus.UNAUTHORIZED)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.exists(HttpHeaders.WWW_AUTHENTICATE)
			.expectHeader()
			.exists("X-Request-Id")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:unauthorized")
			.jsonPath("$.status")
			.isEqualTo(401)
			.jsonPath("$.title")
			.isEqualTo("Unauthorized");
		return response;
	}

}
