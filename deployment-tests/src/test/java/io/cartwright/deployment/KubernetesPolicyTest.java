package io.cartwright.deployment;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.cartwright.deployment.Repository.at;
import static io.cartwright.deployment.Repository.list;
import static io.cartwright.deployment.Repository.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policies every workload of every overlay follows, checked against what the services
 * really do (config-repo) rather than against a copy of the manifests.
 */
class KubernetesPolicyTest {

	private static final String DEV = "k8s/overlays/dev";

	private static final String PROD = "k8s/overlays/prod";

	@ParameterizedTest
	@ValueSource(strings = { DEV, PROD })
	void everyServiceProbesTheActuatorGroupsOnThePortItListensOn(String overlay) {
		Manifests manifests = Manifests.of(overlay);
		for (String service : Repository.SERVICES) {
			assertThat(ConfigRepo.probesEnabled(service)).as("%s exposes its probe groups", service).isTrue();
			Map<String, Object> container = Manifests.container(manifests.get("Deployment", service));
			int port = ConfigRepo.serverPort(service);
			assertThat(httpProbe(container, "startupProbe")).as(service).isEqualTo("/actuator/health/liveness@" + port);
			assertThat(httpProbe(container, "livenessProbe")).as(service)
				.isEqualTo("/actuator/health/liveness@" + port);
			assertThat(httpProbe(container, "readinessProbe")).as(service)
				.isEqualTo("/actuator/health/readiness@" + port);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { DEV, PROD })
	void everyWorkloadHasThreeProbesRequestsAndLimits(String overlay) {
		List<Map<String, Object>> workloads = Manifests.of(overlay).workloads();
		assertThat(workloads).isNotEmpty();
		for (Map<String, Object> workload : workloads) {
			for (Map<String, Object> container : Manifests.containers(workload)) {
				String name = Manifests.name(workload) + "/" + container.get("name");
				assertThat(container).as(name).containsKeys("startupProbe", "livenessProbe", "readinessProbe");
				for (String kind : List.of("requests", "limits")) {
					assertThat(map(at(container, "resources", kind))).as("%s %s", name, kind)
						.containsKeys("cpu", "memory");
				}
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { DEV, PROD })
	void everyPodRunsAsNonRootWithARestrictedSecurityContext(String overlay) {
		for (Map<String, Object> workload : Manifests.of(overlay).workloads()) {
			String name = Manifests.name(workload);
			Map<String, Object> pod = Manifests.podSpec(workload);
			assertThat(at(pod, "securityContext", "runAsNonRoot")).as(name).isEqualTo(true);
			assertThat((Integer) at(pod, "securityContext", "runAsUser")).as(name).isPositive();
			assertThat(at(pod, "securityContext", "seccompProfile", "type")).as(name).isEqualTo("RuntimeDefault");
			for (Map<String, Object> container : Manifests.containers(workload)) {
				Map<String, Object> security = map(container.get("securityContext"));
				assertThat(security.get("allowPrivilegeEscalation")).as(name).isEqualTo(false);
				assertThat(security.get("readOnlyRootFilesystem")).as(name).isEqualTo(true);
				assertThat(security.get("runAsNonRoot")).as(name).isEqualTo(true);
				assertThat(list(at(security, "capabilities", "drop"))).as(name).containsExactly("ALL");
			}
			assertThat(pod.get("enableServiceLinks")).as("%s: no REDIS_PORT=tcp://... variables", name)
				.isEqualTo(false);
			assertThat(pod.get("automountServiceAccountToken")).as(name).isEqualTo(false);
			String account = String.valueOf(pod.get("serviceAccountName"));
			assertThat(at(Manifests.of(overlay).get("ServiceAccount", account), "automountServiceAccountToken"))
				.as(account)
				.isEqualTo(false);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { DEV, PROD })
	void servicesWriteOnlyToAnEmptyDirAtTmpAndShutDownWithinTheirGracePeriod(String overlay) {
		Manifests manifests = Manifests.of(overlay);
		long shutdown = ConfigRepo.shutdownPhase().toSeconds();
		assertThat(shutdown).isEqualTo(20);
		for (String service : Repository.SERVICES) {
			Map<String, Object> deployment = manifests.get("Deployment", service);
			Map<String, Object> container = Manifests.container(deployment);
			Map<String, Object> tmp = list(container.get("volumeMounts")).stream()
				.map(Repository::map)
				.filter((mount) -> "/tmp".equals(mount.get("mountPath")))
				.findFirst()
				.orElseThrow(() -> new AssertionError(service + " mounts nothing at /tmp"));
			assertThat(list(Manifests.podSpec(deployment).get("volumes"))).as(service)
				.anySatisfy((volume) -> assertThat(map(volume)).containsEntry("name", tmp.get("name"))
					.containsKey("emptyDir"));
			List<Object> preStop = list(at(container, "lifecycle", "preStop", "exec", "command"));
			assertThat(preStop).as(service).hasSize(2).first().isEqualTo("sleep");
			long pause = Long.parseLong(String.valueOf(preStop.get(1)));
			assertThat(((Number) Manifests.podSpec(deployment).get("terminationGracePeriodSeconds")).longValue())
				.as("%s: preStop %d s + shutdown %d s", service, pause, shutdown)
				.isGreaterThan(pause + shutdown);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { DEV, PROD })
	void springServicesSpreadAcrossNodesAndHaveADisruptionBudget(String overlay) {
		Manifests manifests = Manifests.of(overlay);
		for (String service : Repository.SERVICES) {
			List<Object> spread = list(
					Manifests.podSpec(manifests.get("Deployment", service)).get("topologySpreadConstraints"));
			assertThat(spread).as(service)
				.anySatisfy((constraint) -> assertThat(map(constraint)).containsEntry("topologyKey",
						"kubernetes.io/hostname"));
			assertThat(at(manifests.get("PodDisruptionBudget", service), "spec", "selector", "matchLabels"))
				.isEqualTo(Map.of("app.kubernetes.io/name", service));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { DEV, PROD })
	void everyImageIsPinnedToAVersion(String overlay) {
		for (Map<String, Object> workload : Manifests.of(overlay).workloads()) {
			for (Map<String, Object> container : Manifests.containers(workload)) {
				String image = String.valueOf(container.get("image"));
				String tag = image.contains("@") ? image.substring(image.indexOf('@') + 1)
						: image.substring(image.lastIndexOf('/') + 1).contains(":")
								? image.substring(image.lastIndexOf(':') + 1) : "";
				assertThat(tag).as(image).isNotBlank().isNotEqualTo("latest").matches("(sha256:[0-9a-f]{64}|.*\\d.*)");
			}
		}
		if (overlay.equals(DEV)) {
			for (String service : Repository.SERVICES) {
				assertThat(Manifests.container(Manifests.of(overlay).get("Deployment", service)).get("image"))
					.isEqualTo("cartwright/" + service + ":" + Repository.projectVersion());
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { DEV, PROD })
	void everyServicePortLeadsToTheContainerPortTheServiceListensOn(String overlay) {
		Manifests manifests = Manifests.of(overlay);
		for (Map<String, Object> service : manifests.ofKind("Service")) {
			String name = Manifests.name(service);
			Map<String, Object> selector = map(at(service, "spec", "selector"));
			List<Map<String, Object>> pods = manifests.workloads()
				.stream()
				.filter((workload) -> Manifests.podLabels(workload).entrySet().containsAll(selector.entrySet()))
				.toList();
			assertThat(pods).as("workloads behind Service %s", name).hasSize(1);
			Map<String, Object> container = Manifests.containers(pods.get(0)).get(0);
			for (Object entry : list(at(service, "spec", "ports"))) {
				Map<String, Object> port = map(entry);
				Optional<Integer> target = Manifests.containerPort(container, port.get("targetPort"));
				assertThat(target).as("Service %s targetPort %s", name, port.get("targetPort")).isPresent();
				if (Repository.SERVICES.contains(name)) {
					int listens = ConfigRepo.serverPort(name);
					assertThat(port.get("port")).as(name).isEqualTo(listens);
					assertThat(target).as(name).contains(listens);
				}
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { DEV, PROD })
	void everySecretAndConfigMapThatIsReferencedExistsWithTheKey(String overlay) {
		Manifests manifests = Manifests.of(overlay);
		int references = 0;
		for (Map<String, Object> workload : manifests.workloads()) {
			for (Map<String, Object> container : Manifests.containers(workload)) {
				for (Map<String, Object> variable : Manifests.env(container).values()) {
					for (String kind : List.of("secretKeyRef", "configMapKeyRef")) {
						Map<String, Object> ref = map(at(variable, "valueFrom", kind));
						if (!ref.isEmpty()) {
							references++;
							String objectKind = kind.equals("secretKeyRef") ? "Secret" : "ConfigMap";
							Map<String, Object> object = manifests.find(objectKind, String.valueOf(ref.get("name")))
								.orElseThrow(() -> new AssertionError(Manifests.name(workload) + " refers to a missing "
										+ objectKind + " " + ref.get("name")));
							assertThat(map(object.get("data"))).as("%s %s", objectKind, ref.get("name"))
								.containsKey(String.valueOf(ref.get("key")));
						}
					}
				}
				for (Object source : list(container.get("envFrom"))) {
					references++;
					assertThat(manifests.find("ConfigMap", String.valueOf(at(source, "configMapRef", "name"))))
						.isPresent();
				}
			}
			for (Object volume : list(Manifests.podSpec(workload).get("volumes"))) {
				Object configMap = at(volume, "configMap", "name");
				if (configMap != null) {
					references++;
					assertThat(manifests.find("ConfigMap", String.valueOf(configMap))).as(String.valueOf(configMap))
						.isPresent();
				}
			}
		}
		assertThat(references).isGreaterThan(20);
	}

	@ParameterizedTest
	@ValueSource(strings = { DEV, PROD })
	void servicesSetOnlyVariablesTheirConfigurationReadsAndEveryOneItRequires(String overlay) {
		Manifests manifests = Manifests.of(overlay);
		for (String service : Repository.SERVICES) {
			Map<String, Object> container = Manifests.container(manifests.get("Deployment", service));
			Set<String> reads = ConfigRepo.variables(service, "k8s").keySet();
			List<String> set = manifests.variableNames(container);
			assertThat(set).as("%s sets variables it never reads", service)
				.allSatisfy(
						(variable) -> assertThat(variable).isIn(union(reads, ConfigRepo.standardVariables(service))));
			assertThat(set).as("%s lacks variables without default", service)
				.containsAll(ConfigRepo.requiredVariables(service, "k8s"));
			assertThat(manifests.value(container, "SPRING_PROFILES_ACTIVE")).as(service).contains("k8s");
		}
		assertThat(secretsOf(manifests, "auth-server")).contains("AUTH_KEY_PASSWORD", "AUTH_STAFF_PASSWORD",
				"ORDER_CLIENT_SECRET", "AUTOMATION_CLIENT_SECRET", "AUTH_DB_PASSWORD");
		assertThat(secretsOf(manifests, "order-service")).contains("ORDER_CLIENT_SECRET", "ORDER_DB_PASSWORD");
	}

	@Test
	void devAddressesOfTheKubernetesProfileAreServicesOfTheOverlay() {
		Manifests dev = Manifests.of(DEV);
		Map<String, String> addresses = ConfigRepo.profileAddresses("k8s");
		assertThat(addresses).containsKeys("MYSQL_HOST", "REDIS_HOST", "KAFKA_BOOTSTRAP_SERVERS", "AUTH_JWK_SET_URI",
				"CATALOG_SERVICE_URL", "CART_SERVICE_URL", "ORDER_SERVICE_URL", "AUTH_SERVER_URL",
				"OTLP_TRACING_ENDPOINT", "config-server: KAFKA_BOOTSTRAP_SERVERS");
		addresses.forEach((variable, value) -> assertServiceOn(dev, ConfigRepo.endpoint(variable, value),
				variable + "=" + value));
		Map<String, Object> catalog = Manifests.container(dev.get("Deployment", "catalog-service"));
		URI configServer = URI.create(dev.value(catalog, "CONFIG_SERVER_URL").orElseThrow());
		assertThat(dev.find("Service", configServer.getHost())).isPresent();
		assertThat(configServer.getPort()).isEqualTo(ConfigRepo.serverPort("config-server"));
	}

	@Test
	void devRunsTheObservabilityStackOnTheRepositorysFiles() {
		Manifests dev = Manifests.of(DEV);
		for (ConfigRepo.HostPort target : Observability.scrapeTargets()) {
			assertServiceOn(dev, target, "scrape target");
		}
		for (ConfigRepo.HostPort peer : Observability.collectorExports()) {
			assertServiceOn(dev, peer, "collector export");
		}
		for (ConfigRepo.HostPort peer : Observability.datasources()) {
			assertServiceOn(dev, peer, "Grafana datasource");
		}
		assertThat(Observability.collectorPorts()).contains(4318);
		assertThat(dataOf(dev, "otel-collector-config")).containsOnlyKeys("otel-collector.yaml")
			.containsEntry("otel-collector.yaml", Repository.read("observability/otel-collector.yaml"));
		assertThat(dataOf(dev, "prometheus-config").keySet()).containsAll(Observability.ruleFiles())
			.contains("prometheus.yml");
		Map<String, Object> grafana = dev.get("Deployment", "grafana");
		Map<String, Object> dashboards = dev.generated("ConfigMap", "grafana-dashboards").orElseThrow();
		assertThat(map(dashboards.get("data")).keySet())
			.containsExactlyInAnyOrderElementsOf(Observability.dashboards());
		for (String path : Observability.dashboardPaths()) {
			assertThat(mountOf(grafana, Manifests.name(dashboards))).as("the provider's path").isEqualTo(path);
		}
		assertThat(mountOf(grafana, Manifests.name(dev.generated("ConfigMap", "grafana-datasources").orElseThrow())))
			.isEqualTo("/etc/grafana/provisioning/datasources");
		assertThat(mountOf(dev.get("Deployment", "prometheus"),
				Manifests.name(dev.generated("ConfigMap", "prometheus-config").orElseThrow())))
			.isEqualTo("/etc/prometheus");
		Map<String, Object> prometheus = Manifests.container(dev.get("Deployment", "prometheus"));
		assertThat(list(prometheus.get("args"))).contains("--config.file=/etc/prometheus/prometheus.yml");
	}

	@Test
	void prodSendsTracesToACollectorOutsideTheCluster() {
		Manifests prod = Manifests.of(PROD);
		assertThat(prod.find("Deployment", "otel-collector")).isEmpty();
		assertThat(prod.find("Deployment", "jaeger")).isEmpty();
		assertThat(prod.find("Deployment", "grafana")).isEmpty();
		for (String service : Repository.CONFIG_CLIENTS) {
			Map<String, Object> container = Manifests.container(prod.get("Deployment", service));
			String endpoint = prod.value(container, "OTLP_TRACING_ENDPOINT")
				.orElseThrow(() -> new AssertionError(service + " OTLP_TRACING_ENDPOINT"));
			assertThat(prod.find("Service", URI.create(endpoint).getHost())).as(endpoint).isEmpty();
		}
		Map<String, Object> configServer = Manifests.container(prod.get("Deployment", "config-server"));
		String kafka = prod.value(configServer, "KAFKA_BOOTSTRAP_SERVERS").orElseThrow();
		assertThat(prod.find("Service", ConfigRepo.endpoint("KAFKA_BOOTSTRAP_SERVERS", kafka).host())).isEmpty();
	}

	private static void assertServiceOn(Manifests manifests, ConfigRepo.HostPort endpoint, String what) {
		Map<String, Object> service = manifests.find("Service", endpoint.host())
			.orElseThrow(() -> new AssertionError(what + " names " + endpoint + ": no such Service"));
		assertThat(list(at(service, "spec", "ports"))).as("%s → %s", what, endpoint)
			.anySatisfy((port) -> assertThat(map(port).get("port")).isEqualTo(endpoint.port()));
	}

	private static Map<String, Object> dataOf(Manifests manifests, String configMap) {
		return map(manifests.generated("ConfigMap", configMap).orElseThrow().get("data"));
	}

	/** Where a workload's first container mounts the volume made from a ConfigMap. */
	private static String mountOf(Map<String, Object> workload, String configMap) {
		String volume = list(Manifests.podSpec(workload).get("volumes")).stream()
			.map(Repository::map)
			.filter((v) -> configMap.equals(at(v, "configMap", "name")))
			.map((v) -> String.valueOf(v.get("name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError(Manifests.name(workload) + " does not mount " + configMap));
		return list(Manifests.container(workload).get("volumeMounts")).stream()
			.map(Repository::map)
			.filter((mount) -> volume.equals(mount.get("name")))
			.map((mount) -> String.valueOf(mount.get("mountPath")))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void prodPointsEveryDataStoreVariableAtTheManagedStores() {
		Manifests prod = Manifests.of(PROD);
		for (String service : List.of("catalog-service", "cart-service", "order-service")) {
			Map<String, Object> container = Manifests.container(prod.get("Deployment", service));
			for (String variable : List.of("MYSQL_HOST", "REDIS_HOST", "KAFKA_BOOTSTRAP_SERVERS")) {
				String value = prod.value(container, variable)
					.orElseThrow(() -> new AssertionError(service + " " + variable));
				String host = ConfigRepo.endpoint(variable, value).host();
				assertThat(prod.find("Service", host)).as("%s %s=%s is outside the cluster", service, variable, value)
					.isEmpty();
			}
			assertThat(secretsOf(prod, service)).contains("REDIS_PASSWORD");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { DEV, PROD })
	void onlyTheGatewayHasAnIngressAndItsIssuerCorsAndProxiesFitIt(String overlay) {
		Manifests manifests = Manifests.of(overlay);
		List<Map<String, Object>> ingresses = manifests.ofKind("Ingress");
		assertThat(ingresses).hasSize(1);
		Set<Object> backends = new HashSet<>();
		String host = null;
		for (Object rule : list(at(ingresses.get(0), "spec", "rules"))) {
			host = String.valueOf(map(rule).get("host"));
			for (Object path : list(at(rule, "http", "paths"))) {
				backends.add(at(path, "backend", "service", "name"));
			}
		}
		assertThat(backends).containsExactly("gateway");
		Map<String, Object> gateway = Manifests.container(manifests.get("Deployment", "gateway"));
		assertThat(manifests.value(gateway, "TRUSTED_PROXIES")).as("the gateway believes the ingress's X-Forwarded-*")
			.hasValueSatisfying((regex) -> assertThat("10.244.1.17").matches(regex));
		List<String> issuers = new ArrayList<>();
		for (String service : Repository.CONFIG_CLIENTS) {
			issuers.add(manifests.value(Manifests.container(manifests.get("Deployment", service)), "AUTH_ISSUER_URI")
				.orElseThrow());
		}
		assertThat(new HashSet<>(issuers)).as("one issuer for auth-server and every resource server").hasSize(1);
		if (overlay.equals(PROD)) {
			assertThat(issuers.get(0)).isEqualTo("https://" + host + "/api/auth");
			assertThat(manifests.value(gateway, "CORS_ALLOWED_ORIGINS")).contains("https://" + host);
			assertThat(list(at(ingresses.get(0), "spec", "tls"))).isNotEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { DEV, PROD })
	void configServerServesEveryConfigRepoFileFromTheConfigMap(String overlay) throws Exception {
		Manifests manifests = Manifests.of(overlay);
		Map<String, Object> configMap = manifests.generated("ConfigMap", "config-repo").orElseThrow();
		Set<String> files;
		try (Stream<Path> repo = Files.list(Repository.path("config-server/config-repo"))) {
			files = new HashSet<>(
					repo.map((file) -> file.getFileName().toString()).filter((file) -> file.endsWith(".yml")).toList());
		}
		assertThat(files).contains("application.yml", "application-k8s.yml");
		assertThat(map(configMap.get("data")).keySet()).containsExactlyInAnyOrderElementsOf(files);
		for (String file : files) {
			assertThat(map(configMap.get("data")).get(file)).as(file)
				.isEqualTo(Repository.read("config-server/config-repo/" + file));
		}
		Map<String, Object> deployment = manifests.get("Deployment", "config-server");
		Map<String, Object> container = Manifests.container(deployment);
		String volume = list(Manifests.podSpec(deployment).get("volumes")).stream()
			.map(Repository::map)
			.filter((v) -> Manifests.name(configMap).equals(at(v, "configMap", "name")))
			.map((v) -> String.valueOf(v.get("name")))
			.findFirst()
			.orElseThrow();
		String mountPath = list(container.get("volumeMounts")).stream()
			.map(Repository::map)
			.filter((mount) -> volume.equals(mount.get("name")))
			.map((mount) -> String.valueOf(mount.get("mountPath")))
			.findFirst()
			.orElseThrow();
		assertThat(manifests.value(container, "CONFIG_REPO_LOCATION")).contains("file:" + mountPath + "/");
	}

	private static String httpProbe(Map<String, Object> container, String probe) {
		Map<String, Object> get = map(at(container, probe, "httpGet"));
		Object port = get.get("port");
		return get.get("path") + "@" + Manifests.containerPort(container, port).orElse(-1);
	}

	private static List<String> secretsOf(Manifests manifests, String service) {
		Map<String, Object> container = Manifests.container(manifests.get("Deployment", service));
		return Manifests.env(container)
			.entrySet()
			.stream()
			.filter((entry) -> at(entry.getValue(), "valueFrom", "secretKeyRef") != null)
			.map(Map.Entry::getKey)
			.toList();
	}

	private static List<String> union(Set<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

}
