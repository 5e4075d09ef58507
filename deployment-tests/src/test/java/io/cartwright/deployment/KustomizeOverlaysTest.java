package io.cartwright.deployment;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.cartwright.deployment.Repository.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Every overlay builds with kustomize, and every object it emits is valid for the
 * Kubernetes 1.30 API (unknown or misspelled fields fail), offline.
 */
class KustomizeOverlaysTest {

	@ParameterizedTest
	@ValueSource(strings = { "k8s/overlays/dev", "k8s/overlays/prod" })
	void everyObjectOfTheOverlayValidatesAgainstTheKubernetesApi(String overlay) {
		List<Map<String, Object>> objects = Kustomize.build(overlay);
		assertThat(objects).hasSizeGreaterThan(30);
		for (Map<String, Object> object : objects) {
			assertThatCode(() -> KubernetesSchema.validate(object))
				.as("%s %s", object.get("kind"), Manifests.name(object))
				.doesNotThrowAnyException();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "k8s/overlays/dev", "k8s/overlays/prod" })
	void putsEverythingInTheCartwrightNamespace(String overlay) {
		for (Map<String, Object> object : Kustomize.build(overlay)) {
			if (object.get("kind").equals("Namespace")) {
				assertThat(Manifests.name(object)).isEqualTo("cartwright");
			}
			else {
				assertThat(at(object, "metadata", "namespace")).as("%s %s", object.get("kind"), Manifests.name(object))
					.isEqualTo("cartwright");
			}
		}
	}

	@Test
	void devRunsTheDataStoresInTheClusterWithOneReplicaOfEverything() {
		Manifests dev = Manifests.of("k8s/overlays/dev");
		// The six services, Redis, the collector, Jaeger, Prometheus and Grafana.
		assertThat(kinds(dev)).containsEntry("Deployment", 11)
			.containsEntry("StatefulSet", 2)
			.containsEntry("PodDisruptionBudget", 6)
			.containsEntry("Ingress", 1)
			.doesNotContainKey("HorizontalPodAutoscaler");
		assertThat(dev.workloads()).allSatisfy(
				(workload) -> assertThat(at(workload, "spec", "replicas")).as(Manifests.name(workload)).isIn(1, null));
		assertThat(dev.find("StatefulSet", "mysql")).isPresent();
		assertThat(dev.find("StatefulSet", "kafka")).isPresent();
		assertThat(dev.find("Deployment", "redis")).isPresent();
		assertThat(at(dev.get("StatefulSet", "mysql"), "spec", "volumeClaimTemplates")).isNotNull();
	}

	@Test
	void prodUsesManagedDataStoresAndAutoscalesFromTwoReplicasUp() {
		Manifests prod = Manifests.of("k8s/overlays/prod");
		assertThat(kinds(prod)).containsEntry("Deployment", 6)
			.containsEntry("HorizontalPodAutoscaler", 4)
			.doesNotContainKey("StatefulSet");
		for (String service : List.of("gateway", "catalog-service", "cart-service", "order-service")) {
			Map<String, Object> hpa = prod.get("HorizontalPodAutoscaler", service);
			assertThat(at(hpa, "spec", "scaleTargetRef", "name")).isEqualTo(service);
			assertThat((Integer) at(hpa, "spec", "minReplicas")).isGreaterThanOrEqualTo(2);
			assertThat(at(prod.get("Deployment", service), "spec", "replicas")).as("left to the autoscaler").isNull();
		}
		for (String service : List.of("config-server", "auth-server")) {
			assertThat((Integer) at(prod.get("Deployment", service), "spec", "replicas")).isGreaterThanOrEqualTo(2);
		}
		Map<String, Object> stores = prod.generated("ConfigMap", "data-stores").orElseThrow();
		assertThat(Repository.map(stores.get("data")).keySet()).contains("MYSQL_HOST", "REDIS_HOST",
				"KAFKA_BOOTSTRAP_SERVERS");
		assertThat(prod.find("Service", "mysql")).isEmpty();
	}

	private static Map<String, Integer> kinds(Manifests manifests) {
		Map<String, Integer> kinds = new TreeMap<>();
		manifests.objects().forEach((object) -> kinds.merge(String.valueOf(object.get("kind")), 1, Integer::sum));
		return kinds;
	}

}
