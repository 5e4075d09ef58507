package io.cartwright.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which path reaches which service through the routes in {@code gateway.yml}: matched as
 * the gateway's {@code Path} predicate matches (Spring's {@code PathPattern}), rewritten
 * as its {@code StripPrefix} and {@code RewritePath} filters rewrite. No actuator path of
 * a service but its health is routable.
 */
class GatewayRoutesTest {

	private static final String ROUTES = "spring.cloud.gateway.server.webflux.routes";

	private static List<Route> routes;

	@BeforeAll
	static void readRoutes() throws IOException {
		Path gateway = Path.of(System.getProperty("cartwright.config-repo", "config-repo"), "gateway.yml");
		PropertySource<?> yaml = new YamlPropertySourceLoader().load("gateway", new FileSystemResource(gateway)).get(0);
		routes = new ArrayList<>();
		for (int i = 0; yaml.containsProperty(ROUTES + "[" + i + "].id"); i++) {
			String prefix = ROUTES + "[" + i + "].";
			routes.add(new Route(String.valueOf(yaml.getProperty(prefix + "id")), values(yaml, prefix + "predicates"),
					values(yaml, prefix + "filters")));
		}
	}

	@ParameterizedTest(name = "{0} -> {1} {2}")
	@CsvSource({ "/api/catalog/products/1, catalog, /products/1", "/api/catalog/products, catalog, /products",
			"/api/catalog/categories/shoes, catalog, /categories/shoes", "/api/catalog/stock/7, catalog, /stock/7",
			"/api/catalog/variants/TEE-M, catalog, /variants/TEE-M", "/api/carts, carts, /carts",
			"/api/carts/abc/items, carts, /carts/abc/items", "/api/orders, orders, /orders",
			"/api/orders/42/cancel, orders, /orders/42/cancel",
			"/api/orders/42/events, order-events, /orders/42/events",
			"/api/customers/me/orders/events, order-events, /customers/me/orders/events",
			"/api/admin/orders/42/ship, admin-orders, /admin/orders/42/ship",
			"/api/admin/audit/catalog, catalog-audit, /admin/audit", "/api/admin/audit/cart, cart-audit, /admin/audit",
			"/api/admin/audit/orders, order-audit, /admin/audit", "/api/admin/audit/auth, auth-audit, /admin/audit",
			"/health/catalog, catalog-health, /actuator/health",
			"/health/catalog/readiness, catalog-health, /actuator/health/readiness",
			"/health/cart/liveness, cart-health, /actuator/health/liveness",
			"/health/order, order-health, /actuator/health", "/api/auth/oauth2/token, auth, /oauth2/token",
			"/api/auth/login, auth, /login", "/api/auth, auth, /",
			"/api/auth/.well-known/openid-configuration, auth, /.well-known/openid-configuration",
			"/.well-known/openid-configuration/api/auth, auth-well-known, /.well-known/openid-configuration",
			"/.well-known/oauth-authorization-server/api/auth, auth-well-known, /.well-known/oauth-authorization-server",
			"/api/docs/catalog, catalog-docs, /v3/api-docs", "/api/docs/cart, cart-docs, /v3/api-docs",
			"/api/docs/order, order-docs, /v3/api-docs" })
	void routesToTheServicePath(String path, String routeId, String downstreamPath) {
		Route route = routeFor(path).orElseThrow(() -> new AssertionError("no route for " + path));

		assertThat(route.id()).isEqualTo(routeId);
		assertThat(route.rewrite(path)).isEqualTo(downstreamPath);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/env", "/api/catalog/actuator/env", "/api/catalog/products-admin",
			"/health/catalog/readiness/db", "/health/catalog/..", "/health/catalog/../env", "/health/catalogue",
			"/health/order/Readiness", "/api/orders-export", "/health", "/internal/carts/1", "/api/internal/carts/1",
			"/api/authx/login", "/.well-known/openid-configuration", "/api/docs/catalog/v3/api-docs",
			"/api/docs/inventory", "/fallback/catalog", "/api/customers/me", "/api/customers/someone/orders/events",
			"/api/admin/audit", "/api/admin/audit/catalog/1", "/api/admin/audit/inventory" })
	void routesNothingElse(String path) {
		assertThat(routeFor(path)).isEmpty();
	}

	private static Optional<Route> routeFor(String path) {
		return routes.stream().filter((route) -> route.matches(path)).findFirst();
	}

	/**
	 * The shortcut form ({@code StripPrefix=2}) as it is; of the long form (name and
	 * args) the name alone.
	 */
	private static List<String> values(PropertySource<?> yaml, String prefix) {
		List<String> values = new ArrayList<>();
		for (int i = 0;; i++) {
			String item = prefix + "[" + i + "]";
			if (yaml.containsProperty(item)) {
				values.add(String.valueOf(yaml.getProperty(item)));
			}
			else if (yaml.containsProperty(item + ".name")) {
				values.add(String.valueOf(yaml.getProperty(item + ".name")));
			}
			else {
				return values;
			}
		}
	}

	record Route(String id, List<String> predicates, List<String> filters) {

		boolean matches(String path) {
			List<String> paths = this.predicates.stream().filter((p) -> p.startsWith("Path=")).toList();
			assertThat(paths).as("route %s has one Path predicate", this.id).hasSize(1);
			return Arrays.stream(args(paths.get(0), "Path"))
				.map(PathPatternParser.defaultInstance::parse)
				.anyMatch((pattern) -> pattern.matches(PathContainer.parsePath(path)));
		}

		String rewrite(String path) {
			String rewritten = path;
			for (String filter : this.filters) {
				if (filter.startsWith("StripPrefix=")) {
					int parts = Integer.parseInt(args(filter, "StripPrefix")[0]);
					String[] segments = rewritten.substring(1).split("/");
					rewritten = "/" + String.join("/", Arrays.copyOfRange(segments, parts, segments.length));
				}
				else if (filter.startsWith("RewritePath=")) {
					String[] args = args(filter, "RewritePath");
					rewritten = rewritten.replaceAll(args[0], args[1].replace("$\\", "$"));
				}
				else if (!leavesThePathAlone(filter)) {
					throw new AssertionError("filter not modelled by this test: " + filter);
				}
			}
			return rewritten;
		}

		/**
		 * Response filters, the circuit breaker (whose fallback is the gateway's own) and
		 * retries forward the path as it is.
		 */
		private static boolean leavesThePathAlone(String filter) {
			return filter.startsWith("RewriteResponseHeader=") || filter.startsWith("OpenApiDocument=")
					|| filter.equals("CircuitBreaker") || filter.equals("Retry")
					|| filter.startsWith("ServiceUnreachable=");
		}

		// The gateway's shortcut form: Name=arg1,arg2,... with each argument trimmed.
		private static String[] args(String definition, String name) {
			assertThat(definition).startsWith(name + "=");
			return Arrays.stream(definition.substring(name.length() + 1).split(","))
				.map(String::trim)
				.toArray(String[]::new);
		}

	}

}
