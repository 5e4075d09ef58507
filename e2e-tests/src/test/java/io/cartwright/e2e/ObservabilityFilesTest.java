package io.cartwright.e2e;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files under {@code observability/} parse as Grafana, Prometheus and the collector
 * read them, and hold together: dashboards on the provisioned datasource, alert rules
 * with a severity and a summary, a scrape job for every service. (That every metric they
 * name is exposed is {@link ObservabilityIT}'s business, against running services.)
 */
class ObservabilityFilesTest {

	@Test
	void everyDashboardPanelQueriesPrometheusThroughTheDatasourceVariable() {
		for (String name : ObservabilityFiles.DASHBOARDS) {
			JsonNode dashboard = ObservabilityFiles.dashboard(name);
			assertThat(dashboard.get("uid").asString()).startsWith("cartwright-");
			assertThat(dashboard.get("templating").get("list"))
				.anySatisfy((variable) -> assertThat(variable.get("name").asString()).isEqualTo("datasource"));
			for (JsonNode panel : dashboard.get("panels")) {
				if (panel.has("targets")) {
					assertThat(panel.get("datasource").get("uid").asString()).as(name + " / " + panel.get("title"))
						.isEqualTo("${datasource}");
					assertThat(panel.get("targets")).isNotEmpty()
						.allSatisfy((target) -> assertThat(target.get("expr").asString()).isNotBlank());
				}
			}
		}
	}

	@Test
	void theDashboardsDefaultToTheProvisionedPrometheus() {
		Map<String, Object> provisioning = ObservabilityFiles.yaml("grafana/provisioning/datasources/datasources.yml");
		List<Map<String, Object>> datasources = list(provisioning.get("datasources"));
		assertThat(datasources).anySatisfy((datasource) -> {
			assertThat(datasource).containsEntry("type", "prometheus").containsEntry("uid", "prometheus");
		});
		for (String name : ObservabilityFiles.DASHBOARDS) {
			JsonNode variable = ObservabilityFiles.dashboard(name).get("templating").get("list").get(0);
			assertThat(variable.get("current").get("value").asString()).isEqualTo("prometheus");
		}
		List<Map<String, Object>> providers = list(
				ObservabilityFiles.yaml("grafana/provisioning/dashboards/dashboards.yml").get("providers"));
		assertThat(providers).singleElement()
			.satisfies((provider) -> assertThat(provider).containsEntry("type", "file"));
	}

	@Test
	void everyAlertRuleHasAnExpressionASeverityAndASummary() {
		List<Map<String, Object>> groups = list(ObservabilityFiles.yaml("prometheus/alerts.yml").get("groups"));
		List<Map<String, Object>> rules = groups.stream()
			.flatMap((group) -> list(group.get("rules")).stream())
			.toList();
		assertThat(rules).extracting((rule) -> rule.get("alert"))
			.contains("ServiceDown", "HttpServerErrorRatioHigh", "OrderP99OverBudget", "OutboxBacklogGrowing",
					"DeadLettersReceived", "KafkaConsumerLagHigh")
			.doesNotHaveDuplicates();
		assertThat(rules).allSatisfy((rule) -> {
			assertThat(String.valueOf(rule.get("expr"))).isNotBlank();
			assertThat(map(rule.get("labels"))).containsKey("severity");
			assertThat(map(rule.get("annotations"))).containsKey("summary");
		});
	}

	@Test
	void prometheusScrapesEveryServiceAndLoadsTheRules() {
		Map<String, Object> prometheus = ObservabilityFiles.yaml("prometheus/prometheus.yml");
		assertThat(prometheus.get("rule_files")).isEqualTo(List.of("alerts.yml"));
		List<Map<String, Object>> jobs = list(prometheus.get("scrape_configs"));
		assertThat(jobs).allSatisfy((job) -> assertThat(job).containsEntry("metrics_path", "/actuator/prometheus"));
		assertThat(jobs.stream()
			.flatMap((job) -> list(job.get("static_configs")).stream())
			.flatMap((config) -> ((List<?>) config.get("targets")).stream())
			.map(String::valueOf)).containsExactlyInAnyOrder("gateway:8080", "auth-server:9000", "catalog-service:8081",
					"cart-service:8082", "order-service:8083", "config-server:8888");
	}

	@Test
	void theCollectorReceivesOtlpAndSendsTracesToJaeger() {
		Map<String, Object> collector = ObservabilityFiles.yaml("otel-collector.yaml");
		assertThat(map(map(collector.get("receivers")).get("otlp")).get("protocols"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsKeys("http", "grpc");
		Map<String, Object> traces = map(map(map(collector.get("service")).get("pipelines")).get("traces"));
		assertThat(traces.get("receivers")).isEqualTo(List.of("otlp"));
		assertThat(((List<?>) traces.get("exporters")).stream().map(String::valueOf))
			.allSatisfy((exporter) -> assertThat(map(collector.get("exporters"))).containsKey(exporter));
	}

	@Test
	void metricNamesAreReadFromPromqlWithoutLabelsFunctionsOrKeywords() {
		assertThat(ObservabilityFiles.metricNames(
				"histogram_quantile(0.99, sum by (application, le) (rate(http_server_requests_seconds_bucket{application=\"gateway\", uri!~\"/actuator.*\"}[5m]))) > 2"))
			.containsExactly("http_server_requests_seconds_bucket");
		assertThat(ObservabilityFiles
			.metricNames("cartwright_outbox_pending > 0 and delta(cartwright_outbox_pending[10m]) > 0 or up == 0"))
			.containsExactly("cartwright_outbox_pending", "up");
		assertThat(ObservabilityFiles.metricNames("label_values(jvm_info, application)")).containsExactly("jvm_info");
		assertThat(ObservabilityFiles.metricNames(
				"sum by (currency) (increase(cartwright_orders_revenue_total{application=~\"$application\"}[$__range])) * 1e2"))
			.containsExactly("cartwright_orders_revenue_total");
		assertThat(Stream.concat(ObservabilityFiles.dashboardExpressions().stream(),
				ObservabilityFiles.alertExpressions().stream()))
			.allSatisfy((expression) -> assertThat(expression.metricNames()).as(expression.where()).isNotEmpty());
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		return (List<Map<String, Object>>) value;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

}
