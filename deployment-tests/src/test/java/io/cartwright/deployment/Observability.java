package io.cartwright.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.cartwright.deployment.Repository.at;
import static io.cartwright.deployment.Repository.list;
import static io.cartwright.deployment.Repository.map;

/**
 * What the files under observability/ name: Prometheus' scrape targets, the collector's
 * receivers and exporters, Grafana's datasources and dashboards.
 */
final class Observability {

	static final String DIRECTORY = "observability";

	private Observability() {
	}

	private static Map<String, Object> load(String file) {
		return Yaml.load(Repository.read(DIRECTORY + "/" + file));
	}

	/** Every {@code host:port} Prometheus scrapes. */
	static List<ConfigRepo.HostPort> scrapeTargets() {
		List<ConfigRepo.HostPort> targets = new ArrayList<>();
		for (Object job : list(load("prometheus/prometheus.yml").get("scrape_configs"))) {
			for (Object config : list(map(job).get("static_configs"))) {
				for (Object target : list(map(config).get("targets"))) {
					targets.add(ConfigRepo.endpoint("TARGET", String.valueOf(target)));
				}
			}
		}
		return targets;
	}

	/** The rule files prometheus.yml loads, relative to its directory. */
	static List<String> ruleFiles() {
		return list(load("prometheus/prometheus.yml").get("rule_files")).stream().map(String::valueOf).toList();
	}

	/** The ports the collector's OTLP receiver listens on. */
	static List<Integer> collectorPorts() {
		List<Integer> ports = new ArrayList<>();
		map(at(load("otel-collector.yaml"), "receivers", "otlp", "protocols")).values()
			.forEach((protocol) -> ports
				.add(ConfigRepo.endpoint("RECEIVER", String.valueOf(map(protocol).get("endpoint"))).port()));
		return ports;
	}

	/** Where the collector sends what it receives. */
	static List<ConfigRepo.HostPort> collectorExports() {
		List<ConfigRepo.HostPort> exports = new ArrayList<>();
		map(load("otel-collector.yaml").get("exporters")).values()
			.forEach((exporter) -> exports
				.add(ConfigRepo.endpoint("EXPORTER", String.valueOf(map(exporter).get("endpoint")))));
		return exports;
	}

	/** The addresses of Grafana's provisioned datasources. */
	static List<ConfigRepo.HostPort> datasources() {
		return list(load("grafana/provisioning/datasources/datasources.yml").get("datasources")).stream()
			.map((source) -> URI.create(String.valueOf(map(source).get("url"))))
			.map((uri) -> new ConfigRepo.HostPort(uri.getHost(), uri.getPort()))
			.toList();
	}

	/** The directories Grafana's file providers read dashboards from. */
	static List<String> dashboardPaths() {
		return list(load("grafana/provisioning/dashboards/dashboards.yml").get("providers")).stream()
			.map((provider) -> String.valueOf(at(provider, "options", "path")))
			.toList();
	}

	/** The dashboard files of the repository. */
	static List<String> dashboards() {
		try (Stream<Path> files = Files.list(Repository.path(DIRECTORY + "/grafana/dashboards"))) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".json"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
