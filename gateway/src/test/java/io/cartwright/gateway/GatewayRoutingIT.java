package io.cartwright.gateway;

import io.cartwright.infra.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static io.cartwright.gateway.Upstreams.auth;
import static io.cartwright.gateway.Upstreams.cart;
import static io.cartwright.gateway.Upstreams.catalog;
import static io.cartwright.gateway.Upstreams.order;
import static org.assertj.core.api.Assertions.assertThat;

class GatewayRoutingIT extends GatewayIntegrationTest {

	static final String CUSTOMER = "Bearer " + TestTokens.customer("customer-routing");

	static final String STAFF = "Bearer " + TestTokens.staff("staff-routing");

	@Test
	void routesCatalogResourcesWithoutTheApiPrefix() {
		http.get()
			.uri("/api/catalog/products/42?page=2")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("catalog")
			.jsonPath("$.path")
			.isEqualTo("/products/42");
		http.get().uri("/api/catalog/categories").exchange().expectBody().jsonPath("$.path").isEqualTo("/categories");
	}

	@Test
	void routesCartsAndOrdersToTheirServices() {
		http.post()
			.uri("/api/carts")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("cart")
			.jsonPath("$.path")
			.isEqualTo("/carts");
		http.get()
			.uri("/api/orders/7")
			.header(HttpHeaders.AUTHORIZATION, CUSTOMER)
			.exchange()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("order")
			.jsonPath("$.path")
			.isEqualTo("/orders/7");
		http.get()
			.uri("/api/admin/orders?status=PENDING")
			.header(HttpHeaders.AUTHORIZATION, STAFF)
			.exchange()
			.expectBody()
			.jsonPath("$.path")
			.isEqualTo("/admin/orders");
	}

	@Test
	void rewritesTheLocationOfACreatedResourceToItsAddressAtTheGateway() {
		http.post().uri("/api/carts").exchange().expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/carts");
		http.post()
			.uri("/api/orders")
			.header(HttpHeaders.AUTHORIZATION, CUSTOMER)
			.exchange()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/api/orders");
		http.post()
			.uri("/api/catalog/products")
			.header(HttpHeaders.AUTHORIZATION, STAFF)
			.exchange()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/api/catalog/products");
	}

	@Test
	void routesAuthServerAtItsRootAndTellsItThePrefix() {
		http.post()
			.uri("/api/auth/oauth2/token")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("grant_type=authorization_code&code=abc")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("auth")
			.jsonPath("$.path")
			.isEqualTo("/oauth2/token");

		RecordingUpstream.Request token = auth.lastRequest();
		assertThat(token.body()).isEqualTo("grant_type=authorization_code&code=abc");
		assertThat(token.header("X-Forwarded-Prefix")).isEqualTo("/api/auth");
		assertThat(token.header("X-Forwarded-Proto")).isEqualTo("http");
		assertThat(token.header("X-Forwarded-Host")).matches("localhost:\\d+");
		assertThat(token.header("X-Forwarded-Port")).isEqualTo(token.header("X-Forwarded-Host").split(":")[1]);
		assertThat(token.header("X-Forwarded-For")).isEqualTo("127.0.0.1");

		http.get()
			.uri("/api/auth/.well-known/openid-configuration")
			.exchange()
			.expectBody()
			.jsonPath("$.path")
			.isEqualTo("/.well-known/openid-configuration");
		assertThat(auth.lastRequest().header("X-Forwarded-Prefix")).isEqualTo("/api/auth");
		http.get().uri("/api/auth/login").exchange().expectBody().jsonPath("$.path").isEqualTo("/login");
	}

	@Test
	void routesTheWellKnownDiscoveryOfAnIssuerWithAPath() {
		http.get()
			.uri("/.well-known/oauth-authorization-server/api/auth")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("auth")
			.jsonPath("$.path")
			.isEqualTo("/.well-known/oauth-authorization-server");
		http.get()
			.uri("/.well-known/openid-configuration/api/auth")
			.exchange()
			.expectBody()
			.jsonPath("$.path")
			.isEqualTo("/.well-known/openid-configuration");
		http.get().uri("/.well-known/openid-configuration").exchange().expectStatus().isNotFound();
	}

	@Test
	void believesNoForwardedHeaderACallerSends() {
		http.get()
			.uri("/api/auth/login")
			.header("X-Forwarded-Host", "evil.example")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Prefix", "/phishing")
			.header("X-Forwarded-For", "10.9.8.7")
			.exchange()
			.expectStatus()
			.isOk();

		RecordingUpstream.Request login = auth.lastRequest();
		assertThat(login.header("X-Forwarded-Host")).matches("localhost:\\d+");
		assertThat(login.header("X-Forwarded-Proto")).isEqualTo("http");
		assertThat(login.header("X-Forwarded-Prefix")).isEqualTo("/api/auth");
		assertThat(login.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
	}

	@Test
	void exposesEachServiceHealthButNoOtherActuatorEndpoint() {
		http.get().uri("/health/catalog").exchange().expectBody().jsonPath("$.path").isEqualTo("/actuator/health");
		http.get()
			.uri("/health/order/readiness")
			.exchange()
			.expectBody()
			.jsonPath("$.path")
			.isEqualTo("/actuator/health/readiness");

		http.get().uri("/api/catalog/actuator/env").exchange().expectStatus().isNotFound();
		http.get()
			.uri("/health/catalog/../env")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		http.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
		http.get().uri("/actuator/gateway/routes").exchange().expectStatus().isNotFound();
		assertThat(catalog.paths()).noneMatch((path) -> path.contains("env"));
	}

	@Test
	void routesNoInternalEndpointOfAnyService() {
		http.get().uri("/internal/carts/1").exchange().expectStatus().isNotFound();
		http.get().uri("/api/catalog/internal/stock").exchange().expectStatus().isNotFound();
		for (String path : new String[] { "/api/internal/carts/1", "/api/cart/internal/carts/1",
				"/api/orders-internal/1" }) {
			http.get().uri(path).header(HttpHeaders.AUTHORIZATION, STAFF).exchange().expectStatus().isNotFound();
		}
		// Under a routed prefix an /internal segment stays below the resource, where no
		// service serves internal endpoints.
		http.get()
			.uri("/api/carts/internal/carts/1")
			.exchange()
			.expectBody()
			.jsonPath("$.path")
			.isEqualTo("/carts/internal/carts/1");

		assertThat(catalog.paths()).noneMatch((path) -> path.startsWith("/internal"));
		assertThat(cart.paths()).noneMatch((path) -> path.startsWith("/internal"));
		assertThat(order.paths()).noneMatch((path) -> path.startsWith("/internal"));
		assertThat(auth.paths()).noneMatch((path) -> path.startsWith("/internal"));
	}

	@Test
	void answersAnUnroutedPathWithAProblemDetail() {
		http.get()
			.uri("/nowhere")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404);
	}

	@Test
	void reportsReadyAndLive() {
		http.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		http.get()
			.uri("/actuator/health/liveness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

}
