package io.cartwright.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.cloud.config.environment.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Serves the repository's real {@code config-repo/} and checks what each service gets in
 * each profile. The surefire/failsafe configuration of the root pom passes its absolute
 * path as {@code cartwright.config-repo}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@AutoConfigureRestTestClient
class ConfigServerIT {

	private static final Path REPO = Path.of(System.getProperty("cartwright.config-repo", "config-repo"))
		.toAbsolutePath()
		.normalize();

	private static final List<String> SERVICES = List.of("catalog-service", "cart-service", "order-service", "gateway",
			"auth-server");

	private static final List<String> PROFILES = List.of("default", "local", "docker", "k8s");

	private static final Map<String, Integer> PORTS = Map.of("catalog-service", 8081, "cart-service", 8082,
			"order-service", 8083, "gateway", 8080, "auth-server", 9000);

	private static final String ROUTES = "spring.cloud.gateway.server.webflux.routes";

	@Autowired
	private RestTestClient client;

	@DynamicPropertySource
	static void configRepo(DynamicPropertyRegistry registry) {
		// As the launcher sets it: an absolute file: URL ending in '/'.
		registry.add("CONFIG_REPO_LOCATION", () -> REPO.toUri().toString());
	}

	static Stream<Arguments> servicesAndProfiles() {
		return SERVICES.stream()
			.flatMap((service) -> PROFILES.stream().map((profile) -> Arguments.of(service, profile)));
	}

	static Stream<Arguments> databaseServicesAndProfiles() {
		return Stream
			.of(Arguments.of("catalog-service", "catalog", "CATALOG"), Arguments.of("cart-service", "cart", "CART"),
					Arguments.of("order-service", "orders", "ORDER"))
			.flatMap((args) -> PROFILES.stream()
				.map((profile) -> Arguments.of(args.get()[0], profile, args.get()[1], args.get()[2])));
	}

	@ParameterizedTest(name = "{0} in {1}")
	@MethodSource("servicesAndProfiles")
	void servesTheRepositoryFilesMostSpecificFirst(String service, String profile) {
		ServedConfig config = fetch(service, profile);

		List<String> expected = new ArrayList<>();
		if (!profile.equals("default")) {
			expected.add(service + "-" + profile + ".yml");
			expected.add("application-" + profile + ".yml");
		}
		expected.add(service + ".yml");
		expected.add("application.yml");
		List<String> expectedNames = expected.stream()
			.filter((file) -> Files.exists(REPO.resolve(file)))
			.map((file) -> "file:" + REPO.resolve(file))
			.toList();
		assertThat(config.sourceNames()).containsExactlyElementsOf(expectedNames);
	}

	@ParameterizedTest(name = "{0} in {1}")
	@MethodSource("servicesAndProfiles")
	void givesEachServiceItsPortAndSharedSettings(String service, String profile) {
		ServedConfig config = fetch(service, profile);

		assertThat(config.resolved("server.port")).isEqualTo(String.valueOf(PORTS.get(service)));
		assertThat(config.resolved("server.shutdown")).isEqualTo("graceful");
		assertThat(config.resolved("spring.lifecycle.timeout-per-shutdown-phase")).isEqualTo("20s");
		assertThat(config.resolved("spring.threads.virtual.enabled")).isEqualTo("true");
		assertThat(config.resolved("management.endpoints.web.exposure.include")).isEqualTo("health,info,prometheus");
		assertThat(config.resolved("management.endpoint.health.probes.enabled")).isEqualTo("true");
		assertThat(config.resolved("management.endpoint.health.group.liveness.include")).isEqualTo("livenessState");
		assertThat(config.resolved("management.endpoint.health.group.readiness.include"))
			.isEqualTo("readinessState,db");
		assertThat(config.resolved("management.metrics.tags.application")).isEqualTo(service);
		assertThat(config.resolved("logging.structured.format.console")).isEqualTo("ecs");
		assertThat(config.resolved("spring.kafka.consumer.group-id")).isEqualTo(service);
		assertThat(config.resolved("spring.kafka.producer.acks")).isEqualTo("all");
		assertThat(config.resolved("spring.kafka.consumer.isolation-level")).isEqualTo("read-committed");
	}

	@ParameterizedTest(name = "{0} in {1}")
	@MethodSource("servicesAndProfiles")
	void pointsAtTheInfrastructureOfTheProfile(String service, String profile) {
		ServedConfig config = fetch(service, profile);
		boolean containers = profile.equals("docker") || profile.equals("k8s");

		assertThat(config.resolved("spring.kafka.bootstrap-servers"))
			.isEqualTo(containers ? "kafka:9092" : "localhost:9092");
		assertThat(config.resolved("spring.data.redis.host")).isEqualTo(containers ? "redis" : "localhost");
		assertThat(config.resolved("spring.data.redis.port")).isEqualTo("6379");
		assertThat(config.resolved("spring.data.redis.password")).isEmpty();
		assertThat(config.resolved("management.tracing.sampling.probability")).isEqualTo(switch (profile) {
			case "local", "docker" -> "1.0";
			case "k8s" -> "0.05";
			default -> "0.1";
		});
	}

	@ParameterizedTest(name = "{0} in {1}")
	@MethodSource("databaseServicesAndProfiles")
	void givesEachDatabaseServiceItsSchemaAndAPasswordFromTheEnvironment(String service, String profile, String schema,
			String envPrefix) {
		ServedConfig config = fetch(service, profile);
		String host = (profile.equals("docker") || profile.equals("k8s")) ? "mysql" : "localhost";

		assertThat(config.resolved("spring.datasource.url")).isEqualTo("jdbc:mysql://" + host + ":3306/" + schema);
		assertThat(config.resolved("spring.datasource.username")).isEqualTo(schema);
		assertThat(config.raw("spring.datasource.password")).isEqualTo("${" + envPrefix + "_DB_PASSWORD}");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> config.resolveRequired((String) config.raw("spring.datasource.password")));
		assertThat(config.resolved("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
		assertThat(config.resolved("spring.jpa.open-in-view")).isEqualTo("false");
		assertThat(config.resolved("spring.flyway.enabled")).isEqualTo("true");
		assertThat(config.resolved("spring.cache.redis.key-prefix")).isEqualTo(service.replace("-service", "") + "::");
	}

	@ParameterizedTest(name = "auth-server in {0}")
	@MethodSource("profiles")
	void givesAuthServerItsSchemaTheIssuerAndSecretsFromTheEnvironment(String profile) {
		ServedConfig config = fetch("auth-server", profile);
		String host = (profile.equals("docker") || profile.equals("k8s")) ? "mysql" : "localhost";

		assertThat(config.resolved("spring.datasource.url")).startsWith("jdbc:mysql://" + host + ":3306/identity?");
		assertThat(config.resolved("spring.datasource.username")).isEqualTo("identity");
		assertThat(config.raw("spring.datasource.password")).isEqualTo("${AUTH_DB_PASSWORD}");
		assertThat(config.resolved("spring.security.oauth2.authorizationserver.issuer"))
			.isEqualTo("http://localhost:8080/api/auth");
		assertThat(config.resolved("server.forward-headers-strategy")).isEqualTo("framework");
		assertThat(config.raw("cartwright.auth.keys.password")).isEqualTo("${AUTH_KEY_PASSWORD:}");
		assertThat(config.resolved("cartwright.auth.keys.encryption-required"))
			.isEqualTo(profile.equals("local") ? "false" : "true");
		assertThat(config.raw("cartwright.auth.staff.password")).isEqualTo("${AUTH_STAFF_PASSWORD:}");
		assertThat(config.raw("cartwright.auth.demo.password"))
			.isEqualTo(profile.equals("local") ? "${AUTH_DEMO_PASSWORD:}" : null);
		assertThat(config.raw("cartwright.auth.clients.order-service.secret")).isEqualTo("${ORDER_CLIENT_SECRET:}");
		assertThat(config.raw("cartwright.auth.clients.cartwright-automation.secret"))
			.isEqualTo("${AUTOMATION_CLIENT_SECRET:}");
	}

	@ParameterizedTest(name = "gateway in {0}")
	@MethodSource("profiles")
	void givesTheGatewayItsRoutesUnderTheGateway5Prefix(String profile) {
		ServedConfig config = fetch("gateway", profile);
		boolean containers = profile.equals("docker") || profile.equals("k8s");
		String catalog = containers ? "http://catalog-service:8081" : "http://localhost:8081";

		assertThat(config.hasKeyStartingWith("spring.cloud.gateway.routes")).isFalse();
		assertThat(routeIds(config)).containsExactly("catalog", "carts", "order-events", "orders", "admin-orders",
				"auth", "auth-well-known", "catalog-docs", "cart-docs", "order-docs", "catalog-health", "cart-health",
				"order-health", "catalog-audit", "cart-audit", "order-audit", "auth-audit");
		assertThat(config.resolved(ROUTES + "[0].uri")).isEqualTo(catalog);
		assertThat(config.resolved(ROUTES + "[0].predicates[0]")).isEqualTo(
				"Path=/api/catalog/products/**,/api/catalog/categories/**,/api/catalog/variants/**,/api/catalog/stock/**");
		assertThat(config.resolved(ROUTES + "[0].filters[0]")).isEqualTo("StripPrefix=2");
		assertThat(config.resolved(ROUTES + "[7].uri")).isEqualTo(catalog);
		assertThat(config.resolved(ROUTES + "[10].uri")).isEqualTo(catalog);
		assertThat(config.resolved(ROUTES + "[5].uri"))
			.isEqualTo(containers ? "http://auth-server:9000" : "http://localhost:9000");
		assertThat(config.resolved(ROUTES + "[5].filters[0]")).isEqualTo("StripPrefix=2");
		assertThat(config.resolved("spring.http.codecs.max-in-memory-size")).isEqualTo("1MB");
		assertThat(config.resolved("spring.cloud.gateway.server.webflux.httpclient.response-timeout")).isEqualTo("10s");
		assertThat(config.resolved("cartwright.gateway.cors.allowed-origins"))
			.isEqualTo("http://localhost:3000,http://127.0.0.1:3000");
		assertThat(config.resolved("cartwright.gateway.rate-limit.anonymous.replenish-rate")).isEqualTo("20");
		assertThat(config.resolved("cartwright.gateway.rate-limit.authenticated.burst-capacity")).isEqualTo("100");
		assertThat(config.resolved("cartwright.gateway.trusted-proxies")).isEmpty();
	}

	@Test
	void isHealthyAndReady() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		this.client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		this.client.get()
			.uri("/actuator/health/liveness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void exposesPrometheusMetrics() {
		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("application=\"config-server\""));
	}

	static Stream<String> profiles() {
		return PROFILES.stream();
	}

	private ServedConfig fetch(String service, String profile) {
		Environment environment = this.client.get()
			.uri("/{service}/{profile}", service, profile)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Environment.class)
			.returnResult()
			.getResponseBody();
		assertThat(environment).isNotNull();
		return ServedConfig.of(environment, service);
	}

	private static List<String> routeIds(ServedConfig config) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; config.raw(ROUTES + "[" + i + "].id") != null; i++) {
			ids.add(config.resolved(ROUTES + "[" + i + "].id"));
		}
		return ids;
	}

}
