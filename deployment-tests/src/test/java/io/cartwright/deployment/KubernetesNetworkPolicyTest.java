package io.cartwright.deployment;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.cartwright.deployment.Repository.at;
import static io.cartwright.deployment.Repository.list;
import static io.cartwright.deployment.Repository.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NetworkPolicies allow exactly the connections the services make (config-repo and
 * the design: config at start, JWKS and tokens from auth-server, each service's database,
 * Redis, Kafka (events and the bus), cart → catalog, order → cart, gateway → everything
 * it routes to, spans to the collector, Prometheus' scrapes, Grafana's queries) and
 * nothing else; only the gateway admits traffic from outside the namespace.
 */
class KubernetesNetworkPolicyTest {

	/** What the dev overlay's workloads must be able to open, and all they may. */
	private static final Set<String> DEV_CONNECTIONS = Set.of(
			// configuration at start
			"auth-server -> config-server:8888", "catalog-service -> config-server:8888",
			"cart-service -> config-server:8888", "order-service -> config-server:8888",
			"gateway -> config-server:8888",
			// signing keys (JWKS), order-service's client-credentials token, the
			// /api/auth route
			"catalog-service -> auth-server:9000", "cart-service -> auth-server:9000",
			"order-service -> auth-server:9000", "gateway -> auth-server:9000",
			// each its own schema
			"auth-server -> mysql:3306", "catalog-service -> mysql:3306", "cart-service -> mysql:3306",
			"order-service -> mysql:3306",
			// caches and rate limits
			"catalog-service -> redis:6379", "cart-service -> redis:6379", "order-service -> redis:6379",
			"gateway -> redis:6379",
			// events, and the bus (Spring Cloud Bus: config-server sends, every service
			// listens)
			"catalog-service -> kafka:9092", "cart-service -> kafka:9092", "order-service -> kafka:9092",
			"config-server -> kafka:9092", "auth-server -> kafka:9092", "gateway -> kafka:9092",
			// synchronous calls
			"cart-service -> catalog-service:8081", "order-service -> cart-service:8082",
			"gateway -> catalog-service:8081", "gateway -> cart-service:8082", "gateway -> order-service:8083",
			// spans (config-server is not traced), on to Jaeger
			"auth-server -> otel-collector:4318", "catalog-service -> otel-collector:4318",
			"cart-service -> otel-collector:4318", "order-service -> otel-collector:4318",
			"gateway -> otel-collector:4318", "otel-collector -> jaeger:4317",
			// metrics
			"prometheus -> config-server:8888", "prometheus -> auth-server:9000", "prometheus -> catalog-service:8081",
			"prometheus -> cart-service:8082", "prometheus -> order-service:8083", "prometheus -> gateway:8080",
			// dashboards and traces in Grafana
			"grafana -> prometheus:9090", "grafana -> jaeger:16686");

	@Test
	void devAllowsExactlyTheConnectionsTheServicesMake() {
		assertThat(NetworkPolicies.of(Manifests.of("k8s/overlays/dev")).allowedConnections())
			.containsExactlyInAnyOrderElementsOf(DEV_CONNECTIONS);
	}

	@Test
	void prodAllowsTheSameConnectionsBetweenTheServices() {
		Set<String> inCluster = DEV_CONNECTIONS.stream()
			.filter((connection) -> !connection.matches(
					"(.* -> (mysql|redis|kafka|otel-collector|jaeger|prometheus|grafana):.*|(prometheus|grafana|otel-collector) -> .*)"))
			.collect(java.util.stream.Collectors.toSet());
		assertThat(NetworkPolicies.of(Manifests.of("k8s/overlays/prod")).allowedConnections())
			.containsExactlyInAnyOrderElementsOf(inCluster);
	}

	@ParameterizedTest
	@ValueSource(strings = { "k8s/overlays/dev", "k8s/overlays/prod" })
	void everythingIsDeniedByDefaultAndOnlyTheGatewayIsReachableFromOutside(String overlay) {
		Manifests manifests = Manifests.of(overlay);
		Map<String, Object> deny = manifests.get("NetworkPolicy", "default-deny");
		assertThat(at(deny, "spec", "podSelector")).isEqualTo(Map.of());
		assertThat(list(at(deny, "spec", "policyTypes"))).containsExactlyInAnyOrder("Ingress", "Egress");
		assertThat(at(deny, "spec", "ingress")).isNull();
		assertThat(at(deny, "spec", "egress")).isNull();
		NetworkPolicies policies = NetworkPolicies.of(manifests);
		for (Map<String, Object> workload : manifests.workloads()) {
			List<String> external = policies.externalPeers(workload, "ingress", "from");
			if (Manifests.name(workload).equals("gateway")) {
				assertThat(external).hasSize(1).first().asString().contains("ingress-nginx");
			}
			else {
				assertThat(external).as(Manifests.name(workload)).isEmpty();
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "k8s/overlays/dev", "k8s/overlays/prod" })
	void everyPodMayResolveNamesAndNothingElseLeavesTheNamespaceButTheManagedStores(String overlay) {
		Manifests manifests = Manifests.of(overlay);
		Map<String, Object> dns = manifests.get("NetworkPolicy", "allow-dns");
		assertThat(at(dns, "spec", "podSelector")).isEqualTo(Map.of());
		assertThat(list(at(dns, "spec", "egress"))).singleElement()
			.satisfies((rule) -> assertThat(list(map(rule).get("ports"))).extracting((port) -> map(port).get("port"))
				.containsOnly(53));
		NetworkPolicies policies = NetworkPolicies.of(manifests);
		for (Map<String, Object> workload : manifests.workloads()) {
			List<String> external = policies.externalPeers(workload, "egress", "to")
				.stream()
				.filter((peer) -> !peer.startsWith("allow-dns:"))
				.toList();
			if (overlay.endsWith("prod")) {
				// The managed stores (config-server: Kafka only, for the bus) and the
				// external
				// collector (every traced service).
				List<String> allowed = Manifests.name(workload).equals("config-server")
						? List.of("allow-managed-kafka:")
						: List.of("allow-managed-data-stores:", "allow-trace-export:");
				assertThat(external).as(Manifests.name(workload))
					.isNotEmpty()
					.allSatisfy(
							(peer) -> assertThat(allowed).anySatisfy((prefix) -> assertThat(peer).startsWith(prefix)));
			}
			else {
				assertThat(external).as(Manifests.name(workload)).isEmpty();
			}
		}
	}

}
