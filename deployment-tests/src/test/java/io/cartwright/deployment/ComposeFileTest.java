package io.cartwright.deployment;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static io.cartwright.deployment.Repository.at;
import static io.cartwright.deployment.Repository.list;
import static io.cartwright.deployment.Repository.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * docker/compose.yaml is a valid Compose file with every service of the design, health
 * checks everywhere, start-up ordered by health, data in named volumes, secrets from
 * docker/.env and only the gateway and auth-server published.
 */
class ComposeFileTest {

	private static final List<String> DESIGNED = List.of("mysql", "redis", "kafka", "config-server", "auth-server",
			"catalog-service", "cart-service", "order-service", "gateway", "otel-collector", "jaeger", "prometheus",
			"grafana");

	/**
	 * Services without a health check, and why: the collector's image is distroless (no
	 * shell, no HTTP client); nothing waits for it.
	 */
	private static final Set<String> UNCHECKED = Set.of("otel-collector");

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void validatesAgainstTheComposeSpecificationSchemaAsWrittenAndAsInterpolated() throws Exception {
		Schema schema = schema();
		assertThat(errors(schema, Compose.raw())).isEmpty();
		assertThat(errors(schema, Compose.interpolated(Compose.exampleEnvironment()))).isEmpty();
	}

	@Test
	void theSchemaCatchesAMisspelledKey() throws Exception {
		Map<String, Object> compose = new HashMap<>(Compose.raw());
		Map<String, Object> services = new HashMap<>(Compose.services(compose));
		Map<String, Object> gateway = new HashMap<>(map(services.get("gateway")));
		gateway.put("helthcheck", gateway.remove("healthcheck"));
		services.put("gateway", gateway);
		compose.put("services", services);
		assertThat(errors(schema(), compose)).anySatisfy((error) -> assertThat(error).contains("helthcheck"));
	}

	@Test
	void runsEveryServiceOfTheDesign() {
		Map<String, Object> services = Compose.services(Compose.raw());
		assertThat(services.keySet()).containsAll(DESIGNED);
		assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(union(DESIGNED, List.of("debug-ports")));
		assertThat(list(map(services.get("debug-ports")).get("profiles"))).containsExactly("debug");
		for (String service : Repository.SERVICES) {
			Map<String, Object> definition = map(services.get(service));
			assertThat(at(definition, "build", "dockerfile")).as(service).isEqualTo("docker/Dockerfile");
			assertThat(at(definition, "build", "context")).as(service).isEqualTo("..");
			assertThat(at(definition, "build", "args", "MODULE")).as(service).isEqualTo(service);
			assertThat(definition.get("image")).as(service)
				.isEqualTo("cartwright/" + service + ":${CARTWRIGHT_VERSION:-" + Repository.projectVersion() + "}");
		}
		assertThat(Compose.exampleEnvironment()).containsEntry("CARTWRIGHT_VERSION", Repository.projectVersion());
		Map<String, Object> interpolated = Compose.services(Compose.interpolated(Compose.exampleEnvironment()));
		assertThat(map(interpolated.get("mysql")).get("image").toString()).matches("mysql:8\\.4\\.\\d+");
		assertThat(map(interpolated.get("redis")).get("image").toString()).matches("redis:7\\.\\d+\\.\\d+(-alpine)?");
		assertThat(map(interpolated.get("kafka")).get("image").toString()).matches("apache/kafka:\\d+\\.\\d+\\.\\d+");
		assertThat(map(interpolated.get("otel-collector")).get("image").toString())
			.matches("otel/opentelemetry-collector-contrib:\\d+\\.\\d+\\.\\d+");
		assertThat(map(interpolated.get("jaeger")).get("image").toString())
			.matches("jaegertracing/jaeger:2\\.\\d+\\.\\d+");
		assertThat(map(interpolated.get("prometheus")).get("image").toString())
			.matches("prom/prometheus:v\\d+\\.\\d+\\.\\d+");
		assertThat(map(interpolated.get("grafana")).get("image").toString())
			.matches("grafana/grafana:\\d+\\.\\d+\\.\\d+");
		assertThat(Compose.environment(map(interpolated.get("kafka")))).containsEntry("KAFKA_PROCESS_ROLES",
				"broker,controller");
	}

	@Test
	void everyServiceHasAHealthCheckAndStartsAfterWhatItNeedsIsHealthy() {
		Map<String, Object> services = Compose.services(Compose.raw());
		services.forEach((name, definition) -> {
			List<Object> test = list(at(definition, "healthcheck", "test"));
			if (UNCHECKED.contains(name)) {
				assertThat(test).as(name).isEmpty();
				assertThat(services.values()).as("nothing waits for %s", name)
					.noneSatisfy((other) -> assertThat(map(map(other).get("depends_on"))).containsKey(name));
			}
			else {
				assertThat(test).as(name).hasSizeGreaterThan(1);
				assertThat(test.get(0)).as(name).isIn("CMD", "CMD-SHELL");
			}
			assertThat(at(definition, "healthcheck", "disable")).as(name).isNull();
			map(map(definition).get("depends_on")).forEach((dependency, condition) -> {
				assertThat(services).as("%s depends on %s", name, dependency).containsKey(dependency);
				assertThat(map(condition)).as("%s → %s", name, dependency)
					.containsEntry("condition", "service_healthy");
			});
		});
		for (String service : Repository.CONFIG_CLIENTS) {
			assertThat(map(at(services, service, "depends_on"))).as(service).containsKey("config-server");
		}
		assertThat(map(at(services, "gateway", "depends_on"))).containsKeys("auth-server", "catalog-service",
				"cart-service", "order-service", "redis");
		for (String service : List.of("catalog-service", "cart-service", "order-service")) {
			assertThat(map(at(services, service, "depends_on"))).as(service).containsKeys("mysql", "redis", "kafka");
		}
		assertThat(map(at(services, "auth-server", "depends_on"))).containsKey("mysql");
		// The bus (Spring Cloud Bus over Kafka, docs/adr/0020): every one of them joins
		// it.
		for (String service : Repository.SERVICES) {
			assertThat(map(at(services, service, "depends_on"))).as(service).containsKey("kafka");
		}
	}

	@Test
	void eachSpringServiceChecksItsOwnReadinessOnItsOwnPort() {
		Map<String, Object> services = Compose.services(Compose.raw());
		for (String service : Repository.SERVICES) {
			String check = String.join(" ",
					list(at(services, service, "healthcheck", "test")).stream().map(String::valueOf).toList());
			assertThat(check).as(service)
				.contains("/dev/tcp/127.0.0.1/" + ConfigRepo.serverPort(service) + " ")
				.contains("GET /actuator/health/readiness HTTP/1.0")
				.contains("grep -q ' 200 '");
			assertThat(list(at(services, service, "healthcheck", "test")).get(1)).as("the JRE image has bash")
				.isEqualTo("bash");
		}
	}

	@Test
	void publishesOnlyTheGatewayAuthServerAndTheObservabilityUisOnLoopbackUnlessDebugging() {
		Map<String, List<String>> published = new HashMap<>();
		Compose.services(Compose.raw()).forEach((name, definition) -> {
			if (!list(map(definition).get("profiles")).contains("debug")) {
				List<String> ports = list(map(definition).get("ports")).stream().map(String::valueOf).toList();
				if (!ports.isEmpty()) {
					published.put(name, ports);
				}
			}
		});
		assertThat(published).containsOnly(Map.entry("gateway", List.of("127.0.0.1:8080:8080")),
				Map.entry("auth-server", List.of("127.0.0.1:9000:9000")),
				Map.entry("jaeger", List.of("127.0.0.1:16686:16686")),
				Map.entry("prometheus", List.of("127.0.0.1:9090:9090")),
				// Not 3000 on the host: the storefront's dev server, a default CORS
				// origin.
				Map.entry("grafana", List.of("127.0.0.1:3001:3000")));
		assertThat(ConfigRepo.placeholders(Repository.read("config-server/config-repo/gateway.yml"))
			.get("CORS_ALLOWED_ORIGINS"))
			.hasValueSatisfying((origins) -> assertThat(origins).contains("localhost:3000").doesNotContain(":3001"));
		List<Object> debug = list(at(Compose.services(Compose.raw()), "debug-ports", "ports"));
		assertThat(debug).containsExactlyInAnyOrder("127.0.0.1:3306:3306", "127.0.0.1:6379:6379",
				"127.0.0.1:29092:29092");
		List<Object> forwards = list(at(Compose.services(Compose.raw()), "debug-ports", "command"));
		assertThat(forwards).contains("3306=mysql:3306", "6379=redis:6379", "29092=kafka:29092");
		assertThat(Compose.environment(map(at(Compose.services(Compose.raw()), "kafka")))
			.get("KAFKA_ADVERTISED_LISTENERS")).contains("HOST://localhost:29092");
	}

	@Test
	void keepsDataInNamedVolumes() {
		Map<String, Object> compose = Compose.raw();
		Set<String> declared = map(compose.get("volumes")).keySet();
		Map<String, String> dataDirectories = Map.of("mysql", "/var/lib/mysql", "kafka", "/var/lib/kafka/data", "redis",
				"/data", "prometheus", "/prometheus", "grafana", "/var/lib/grafana");
		dataDirectories.forEach((service, directory) -> {
			List<String> volumes = list(at(Compose.services(compose), service, "volumes")).stream()
				.map(String::valueOf)
				.toList();
			assertThat(volumes).as(service).anySatisfy((volume) -> {
				assertThat(volume).endsWith(":" + directory);
				assertThat(declared).contains(volume.substring(0, volume.indexOf(':')));
			});
		});
		assertThat(Compose.environment(map(at(Compose.services(compose), "kafka"))).get("KAFKA_LOG_DIRS"))
			.isEqualTo("/var/lib/kafka/data");
	}

	@Test
	void takesEverySecretFromTheGitIgnoredEnvFileWhoseExampleListsThemAll() {
		Set<String> required = Compose.requiredVariables();
		assertThat(required).contains("MYSQL_ROOT_PASSWORD", "CATALOG_DB_PASSWORD", "CART_DB_PASSWORD",
				"ORDER_DB_PASSWORD", "AUTH_DB_PASSWORD", "AUTH_KEY_PASSWORD", "AUTH_STAFF_PASSWORD",
				"ORDER_CLIENT_SECRET", "AUTOMATION_CLIENT_SECRET", "GRAFANA_ADMIN_PASSWORD");
		Set<String> example = Compose.exampleEnvironment().keySet();
		assertThat(example).containsAll(required);
		Set<String> optional = new HashSet<>(Compose.referencedVariables());
		optional.removeAll(example);
		assertThat(optional).as("variables with a default, not in .env.example")
			.containsOnly("AUTH_ISSUER_URI", "JAVA_TOOL_OPTIONS");
		assertThat(Compose.referencedVariables()).containsAll(example);
		for (String line : Repository.read("docker/.env.example").lines().toList()) {
			if (line.matches("[A-Z_]*(PASSWORD|SECRET)=.*")) {
				assertThat(line).as("no secret value in the committed example").endsWith("=");
			}
		}
		assertThat(Repository.read(".gitignore").lines()).contains(".env");
		assertThatIllegalArgumentException().isThrownBy(() -> Compose.interpolated(Map.of()))
			.withMessageContaining("docker/.env");
	}

	@Test
	void stopsSpringServicesGentlyEnoughForGracefulShutdown() {
		long shutdown = ConfigRepo.shutdownPhase().toSeconds();
		for (String service : Repository.SERVICES) {
			Object grace = at(Compose.services(Compose.raw()), service, "stop_grace_period");
			assertThat(grace).as(service).isNotNull();
			assertThat(Long.parseLong(String.valueOf(grace).replace("s", ""))).as(service).isGreaterThan(shutdown);
		}
	}

	private static Schema schema() throws Exception {
		try (InputStream in = ComposeFileTest.class.getResourceAsStream("/schemas/compose-spec.json")) {
			ObjectNode node = (ObjectNode) json.readTree(in);
			// Resolved offline: the draft-07 meta-schema is the validator's own, and the
			// relative $id becomes an absolute one (every $ref in the file is internal).
			node.put("$schema", "http://json-schema.org/draft-07/schema#");
			node.put("$id", "https://compose-spec.io/schemas/compose-spec.json");
			return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(node);
		}
	}

	private static List<String> errors(Schema schema, Map<String, Object> compose) {
		JsonNode document = json.valueToTree(compose);
		List<String> errors = new ArrayList<>();
		for (Error error : schema.validate(document)) {
			errors.add(error.toString());
		}
		return errors;
	}

	private static List<String> union(List<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

}
