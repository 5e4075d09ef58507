package io.cartwright.gateway;

import java.io.IOException;

import io.cartwright.infra.test.EmbeddedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@EmbeddedInfrastructure
class GatewayRoutingIT {

	static RecordingUpstream catalog;

	static RecordingUpstream cart;

	static RecordingUpstream order;

	@Autowired
	WebTestClient http;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) throws IOException {
		catalog = RecordingUpstream.start("catalog");
		cart = RecordingUpstream.start("cart");
		order = RecordingUpstream.start("order");
		registry.add("CATALOG_SERVICE_URL", catalog::url);
		registry.add("CART_SERVICE_URL", cart::url);
		registry.add("ORDER_SERVICE_URL", order::url);
	}

	@AfterAll
	static void stopUpstreams() {
		catalog.close();
		cart.close();
		order.close();
	}

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
			.exchange()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("order")
			.jsonPath("$.path")
			.isEqualTo("/orders/7");
	}

	@Test
	void rewritesTheLocationOfACreatedResourceToItsAddressAtTheGateway() {
		http.post().uri("/api/carts").exchange().expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/carts");
		http.post().uri("/api/orders").exchange().expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/orders");
		http.post()
			.uri("/api/catalog/products")
			.exchange()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/api/catalog/products");
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
		http.get().uri("/health/catalog/../env").exchange().expectStatus().isNotFound();
		assertThat(catalog.paths()).noneMatch((path) -> path.contains("env"));
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
	}

}
