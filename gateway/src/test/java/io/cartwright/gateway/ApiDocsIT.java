package io.cartwright.gateway;

import org.junit.jupiter.api.Test;

import static io.cartwright.gateway.Upstreams.cart;
import static io.cartwright.gateway.Upstreams.catalog;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Swagger UI at the gateway over every service's OpenAPI document, fetched through
 * the gateway and pointed at the gateway's paths.
 */
class ApiDocsIT extends GatewayIntegrationTest {

	static final String CATALOG_DOCUMENT = """
			{"openapi":"3.1.0","info":{"title":"catalog-service","version":"v1"},
			 "servers":[{"url":"http://127.0.0.1:8081","description":"Generated server url"}],
			 "paths":{"/products":{"get":{"operationId":"search"}},"/products/{id}":{"get":{"operationId":"get"}}}}
			""";

	static final String CART_DOCUMENT = """
			{"openapi":"3.1.0","info":{"title":"cart-service","version":"v1"},
			 "servers":[{"url":"http://127.0.0.1:8082"}],
			 "paths":{"/carts":{"post":{"operationId":"create"}},"/carts/{id}":{"get":{"operationId":"get"}},
			  "/internal/carts/{id}":{"get":{"operationId":"internalGet"}}}}
			""";

	@Test
	void listsEveryServiceInTheSwaggerUi() {
		http.get()
			.uri("/v3/api-docs/swagger-config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.urls[*].name")
			.value((names) -> assertThat(names.toString()).contains("catalog", "cart", "order"))
			.jsonPath("$.urls[?(@.name == 'catalog')].url")
			.isEqualTo("/api/docs/catalog")
			.jsonPath("$.urls[?(@.name == 'cart')].url")
			.isEqualTo("/api/docs/cart")
			.jsonPath("$.urls[?(@.name == 'order')].url")
			.isEqualTo("/api/docs/order");
		http.get().uri("/webjars/swagger-ui/index.html").exchange().expectStatus().isOk();
	}

	@Test
	void servesAServicesDocumentWithTheGatewayAsItsServer() {
		catalog.serving("/v3/api-docs", "application/json", CATALOG_DOCUMENT);
		http.get()
			.uri("/api/docs/catalog")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.info.title")
			.isEqualTo("catalog-service")
			.jsonPath("$.servers.length()")
			.isEqualTo(1)
			.jsonPath("$.servers[0].url")
			.isEqualTo("/api/catalog")
			.jsonPath("$.paths['/products/{id}'].get.operationId")
			.isEqualTo("get");
		assertThat(catalog.paths()).containsExactly("/v3/api-docs");
	}

	@Test
	void leavesOutWhatTheGatewayDoesNotRoute() {
		cart.serving("/v3/api-docs", "application/json", CART_DOCUMENT);
		http.get()
			.uri("/api/docs/cart")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.servers[0].url")
			.isEqualTo("/api")
			.jsonPath("$.paths['/carts/{id}']")
			.exists()
			.jsonPath("$.paths['/internal/carts/{id}']")
			.doesNotExist();
	}

}
