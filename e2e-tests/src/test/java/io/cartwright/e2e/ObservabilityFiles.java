package io.cartwright.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operators' files under {@code observability/}: the Grafana dashboards, the
 * Prometheus alert rules and scrape configuration, the collector and Grafana's
 * provisioning, read as Grafana and Prometheus read them, and the metric names their
 * PromQL expressions use.
 */
final class ObservabilityFiles {

	static final List<String> DASHBOARDS = List.of("platform.json", "checkout.json");

	/** Words of PromQL that look like metric names but are not. */
	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
			"ignoring", "group_left", "group_right", "inf", "nan", "atan2");

	private static final Pattern GROUPING = Pattern
		.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

	private static final JsonMapper json = JsonMapper.builder().build();

	private ObservabilityFiles() {
	}

	static Path directory() {
		return Path.of(System.getProperty("cartwright.home", ".."))
			.toAbsolutePath()
			.normalize()
			.resolve("observability");
	}

	static JsonNode dashboard(String name) {
		return json.readTree(read(directory().resolve("grafana/dashboards").resolve(name)));
	}

	static Map<String, Object> yaml(String relativePath) {
		return new Yaml().load(read(directory().resolve(relativePath)));
	}

	/**
	 * Every PromQL expression of the dashboards' panels and variables.
	 * @return the expressions, each with where it is
	 */
	static List<Expression> dashboardExpressions() {
		List<Expression> expressions = new ArrayList<>();
		for (String name : DASHBOARDS) {
			JsonNode dashboard = dashboard(name);
			for (JsonNode panel : dashboard.get("panels")) {
				JsonNode targets = panel.get("targets");
				if (targets != null) {
					for (JsonNode target : targets) {
						expressions.add(new Expression(name + " / " + panel.get("title").asString(),
								target.get("expr").asString()));
					}
				}
			}
			for (JsonNode variable : dashboard.get("templating").get("list")) {
				if ("query".equals(variable.get("type").asString())) {
					expressions.add(new Expression(name + " / $" + variable.get("name").asString(),
							variable.get("definition").asString()));
				}
			}
		}
		return expressions;
	}

	/**
	 * The expression of every alert rule.
	 * @return the expressions, each with its alert's name
	 */
	@SuppressWarnings("unchecked")
	static List<Expression> alertExpressions() {
		List<Expression> expressions = new ArrayList<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) yaml("prometheus/alerts.yml").get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				expressions.add(new Expression("alert " + rule.get("alert"), String.valueOf(rule.get("expr"))));
			}
		}
		return expressions;
	}

	/**
	 * The metric names an expression reads: what is left of the PromQL once label
	 * matchers, strings, ranges, groupings, functions, keywords, numbers and Grafana's
	 * variables are taken out.
	 * @param promql a PromQL expression (a Grafana {@code label_values(...)} call too)
	 * @return the metric names
	 */
	static Set<String> metricNames(String promql) {
		String text = promql.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
			.replaceAll("\\{[^}]*}", " ")
			.replaceAll("\\[[^]]*]", " ")
			.replaceAll("\\$\\{?\\w+}?", " ");
		text = GROUPING.matcher(text).replaceAll(" ");
		// label_values(metric, label): the second argument is a label.
		text = text.replaceAll("label_values\\s*\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,\\s*\\w+\\s*\\)", " $1 ");
		Set<String> names = new TreeSet<>();
		Matcher identifiers = IDENTIFIER.matcher(text);
		while (identifiers.find()) {
			String word = identifiers.group();
			boolean function = text.substring(identifiers.end()).matches("(?s)\\s*\\(.*");
			boolean partOfNumber = identifiers.start() > 0 && Character.isDigit(text.charAt(identifiers.start() - 1));
			if (!function && !partOfNumber && !KEYWORDS.contains(word)) {
				names.add(word);
			}
		}
		return names;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A PromQL expression in one of the files.
	 *
	 * @param where the dashboard and panel, or the alert
	 * @param promql the expression
	 */
	record Expression(String where, String promql) {

		Set<String> metricNames() {
			return ObservabilityFiles.metricNames(this.promql);
		}

	}

}
