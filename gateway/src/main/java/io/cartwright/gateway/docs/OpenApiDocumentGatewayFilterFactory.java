package io.cartwright.gateway.docs;

import java.util.List;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.rewrite.ModifyResponseBodyGatewayFilterFactory;
import org.springframework.stereotype.Component;

/**
 * Serves a service's OpenAPI document as the storefront sees the API: its {@code servers}
 * become the service's prefix at the gateway (so "Try it out" in the Swagger UI calls
 * {@code /api/catalog/products}, not {@code /products}), and paths that are not routed
 * ({@code /internal/**}) are left out. Used on a route as
 * {@code OpenApiDocument=/api/catalog}.
 */
@Component
class OpenApiDocumentGatewayFilterFactory
		extends AbstractGatewayFilterFactory<OpenApiDocumentGatewayFilterFactory.Config> {

	private final ModifyResponseBodyGatewayFilterFactory modifyResponseBody;

	private final JsonMapper json;

	OpenApiDocumentGatewayFilterFactory(ModifyResponseBodyGatewayFilterFactory modifyResponseBody, JsonMapper json) {
		super(Config.class);
		this.modifyResponseBody = modifyResponseBody;
		this.json = json;
	}

	@Override
	public List<String> shortcutFieldOrder() {
		return List.of("prefix");
	}

	@Override
	public GatewayFilter apply(Config config) {
		return this.modifyResponseBody.apply(new ModifyResponseBodyGatewayFilterFactory.Config().setRewriteFunction(
				String.class, String.class,
				(exchange, body) -> Mono.justOrEmpty(body).map((document) -> rewrite(document, config.getPrefix()))));
	}

	String rewrite(String document, String prefix) {
		JsonNode parsed = this.json.readTree(document);
		if (!(parsed instanceof ObjectNode openApi) || !openApi.has("openapi")) {
			// Not an OpenAPI document (a service's error, say): pass it on untouched.
			return document;
		}
		ArrayNode servers = openApi.putArray("servers");
		servers.addObject().put("url", prefix).put("description", "Cartwright gateway");
		if (openApi.get("paths") instanceof ObjectNode paths) {
			List<String> internal = paths.propertyNames()
				.stream()
				.filter((path) -> path.equals("/internal") || path.startsWith("/internal/"))
				.toList();
			paths.remove(internal);
		}
		return this.json.writeValueAsString(openApi);
	}

	/** The route's argument. */
	public static class Config {

		private String prefix = "";

		public String getPrefix() {
			return this.prefix;
		}

		public void setPrefix(String prefix) {
			this.prefix = prefix;
		}

	}

}
