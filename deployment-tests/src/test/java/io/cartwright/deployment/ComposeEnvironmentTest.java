package io.cartwright.deployment;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static io.cartwright.deployment.Repository.at;
import static io.cartwright.deployment.Repository.list;
import static io.cartwright.deployment.Repository.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compose and the {@code docker} profile of config-repo agree: each container gets the
 * variables its service reads, and only those; every address the profile defaults to
 * (config-server's own included) is a Compose service listening on that port, and so is
 * every address the files under observability/ name.
 */
class ComposeEnvironmentTest {

	private final Map<String, Object> services = Compose.services(Compose.interpolated(Compose.exampleEnvironment()));

	@Test
	void everyContainerGetsOnlyVariablesItsServiceReadsAndAllItCannotStartWithout() {
		for (String service : Repository.SERVICES) {
			Map<String, String> environment = Compose.environment(map(this.services.get(service)));
			Set<String> reads = ConfigRepo.variables(service, "docker").keySet();
			List<String> known = new ArrayList<>(reads);
			known.addAll(ConfigRepo.standardVariables(service));
			assertThat(environment.keySet()).as("%s sets variables it never reads", service).isSubsetOf(known);
			assertThat(environment.keySet()).as("%s lacks variables without default", service)
				.containsAll(ConfigRepo.requiredVariables(service, "docker"));
			assertThat(environment.get("SPRING_PROFILES_ACTIVE")).as(service).startsWith("docker");
		}
		assertThat(Compose.environment(map(this.services.get("auth-server")))).containsKeys("AUTH_KEY_PASSWORD",
				"AUTH_STAFF_PASSWORD", "ORDER_CLIENT_SECRET", "AUTOMATION_CLIENT_SECRET");
		assertThat(Compose.environment(map(this.services.get("order-service")))).containsKey("ORDER_CLIENT_SECRET");
		assertThat(Compose.environment(map(this.services.get("config-server"))).get("CONFIG_REPO_LOCATION"))
			.isEqualTo("file:/config-repo/");
		assertThat(list(at(this.services, "config-server", "volumes")))
			.contains("../config-server/config-repo:/config-repo:ro");
	}

	@Test
	void everyAddressOfTheDockerProfileIsAComposeServiceOnThatPort() {
		Map<String, String> addresses = ConfigRepo.profileAddresses("docker");
		assertThat(addresses).containsKeys("MYSQL_HOST", "REDIS_HOST", "KAFKA_BOOTSTRAP_SERVERS", "AUTH_JWK_SET_URI",
				"AUTH_TOKEN_URI", "CATALOG_SERVICE_URL", "CART_SERVICE_URL", "ORDER_SERVICE_URL", "AUTH_SERVER_URL",
				"OTLP_TRACING_ENDPOINT", "config-server: KAFKA_BOOTSTRAP_SERVERS");
		addresses.forEach((variable, value) -> {
			ConfigRepo.HostPort endpoint = ConfigRepo.endpoint(variable, value);
			assertThat(this.services).as("%s=%s names a Compose service", variable, value).containsKey(endpoint.host());
			assertThat(listensOn(endpoint.host())).as("%s=%s", variable, value).contains(endpoint.port());
		});
	}

	@Test
	void prometheusScrapesComposeServicesOnTheirPortsAndLoadsItsRules() {
		List<ConfigRepo.HostPort> targets = Observability.scrapeTargets();
		assertThat(targets).extracting(ConfigRepo.HostPort::host)
			.containsExactlyInAnyOrderElementsOf(Repository.SERVICES);
		for (ConfigRepo.HostPort target : targets) {
			assertThat(this.services).as("scrape target %s", target).containsKey(target.host());
			assertThat(listensOn(target.host())).as("scrape target %s", target).contains(target.port());
		}
		assertThat(list(at(this.services, "prometheus", "volumes")))
			.contains("../observability/prometheus:/etc/prometheus:ro");
		assertThat(list(at(this.services, "prometheus", "command")))
			.contains("--config.file=/etc/prometheus/prometheus.yml");
		assertThat(Observability.ruleFiles()).containsExactly("alerts.yml");
	}

	@Test
	void theCollectorAndGrafanaTalkToComposeServicesAndGrafanaFindsTheDashboards() {
		List<ConfigRepo.HostPort> peers = new ArrayList<>(Observability.collectorExports());
		peers.addAll(Observability.datasources());
		assertThat(peers).extracting(ConfigRepo.HostPort::host).contains("jaeger", "prometheus");
		for (ConfigRepo.HostPort peer : peers) {
			assertThat(this.services).as("%s", peer).containsKey(peer.host());
			assertThat(listensOn(peer.host())).as("%s", peer).contains(peer.port());
		}
		assertThat(list(at(this.services, "otel-collector", "volumes")))
			.contains("../observability/otel-collector.yaml:/etc/otelcol-contrib/config.yaml:ro");
		List<Object> grafana = list(at(this.services, "grafana", "volumes"));
		assertThat(grafana).contains("../observability/grafana/provisioning:/etc/grafana/provisioning:ro");
		assertThat(Observability.dashboards()).contains("platform.json", "checkout.json");
		for (String path : Observability.dashboardPaths()) {
			assertThat(grafana).as("the provider's path %s holds the dashboards", path)
				.contains("../observability/grafana/dashboards:" + path + ":ro");
		}
	}

	@Test
	void theAddressesComposeSetsAreComposeServicesOrThePublishedGateway() {
		for (String service : Repository.CONFIG_CLIENTS) {
			Map<String, String> environment = Compose.environment(map(this.services.get(service)));
			URI config = URI.create(environment.get("CONFIG_SERVER_URL"));
			assertThat(this.services).containsKey(config.getHost());
			assertThat(config.getPort()).isEqualTo(ConfigRepo.serverPort(config.getHost()));
			URI issuer = URI.create(environment.get("AUTH_ISSUER_URI"));
			assertThat(issuer.getPath()).isEqualTo("/api/auth");
			assertThat(list(at(this.services, "gateway", "ports")))
				.contains("127.0.0.1:" + issuer.getPort() + ":" + ConfigRepo.serverPort("gateway"));
		}
	}

	@Test
	void addsTheDemoProfileToCatalogServiceOnlyWhenAsked() {
		Map<String, String> example = Compose.exampleEnvironment();
		example.put("CARTWRIGHT_DEMO_CATALOG", "");
		assertThat(profiles(example)).isEqualTo("docker");
		example.put("CARTWRIGHT_DEMO_CATALOG", "true");
		assertThat(profiles(example)).isEqualTo("docker,demo");
	}

	private static String profiles(Map<String, String> environment) {
		Map<String, Object> catalog = map(Compose.services(Compose.interpolated(environment)).get("catalog-service"));
		return Compose.environment(catalog).get("SPRING_PROFILES_ACTIVE");
	}

	/** The ports a Compose service listens on inside the network. */
	private List<Integer> listensOn(String name) {
		if (Repository.SERVICES.contains(name)) {
			return List.of(ConfigRepo.serverPort(name));
		}
		Map<String, String> environment = Compose.environment(map(this.services.get(name)));
		return switch (name) {
			case "mysql" -> List.of(3306);
			case "otel-collector" -> Observability.collectorPorts();
			// Jaeger v2's defaults: OTLP in (gRPC, HTTP) and the UI with its API.
			case "jaeger" -> List.of(4317, 4318, 16686);
			case "prometheus" -> List.of(9090);
			case "grafana" -> List.of(3000);
			case "redis" -> List.of(6379);
			case "kafka" -> {
				List<Integer> ports = new ArrayList<>();
				for (String listener : environment.get("KAFKA_ADVERTISED_LISTENERS").split(",")) {
					URI uri = URI.create(listener.replaceFirst("^[A-Z]+://", "tcp://"));
					if (name.equals(uri.getHost())) {
						ports.add(uri.getPort());
					}
				}
				yield ports;
			}
			default -> List.of();
		};
	}

}
