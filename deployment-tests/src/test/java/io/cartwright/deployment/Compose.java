package io.cartwright.deployment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.cartwright.deployment.Repository.list;
import static io.cartwright.deployment.Repository.map;

/**
 * docker/compose.yaml as Docker Compose reads it: YAML with merge keys, then variables
 * interpolated from the environment ({@code docker/.env}) with Compose's syntax:
 * {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR-default}}, {@code ${VAR:?error}},
 * {@code ${VAR?error}}, {@code ${VAR:+replacement}}, {@code ${VAR+replacement}}, and
 * {@code $$} for a literal dollar.
 */
final class Compose {

	static final String FILE = "docker/compose.yaml";

	private static final Pattern VARIABLE = Pattern
		.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\\{[^{}]*})*))?}");

	private Compose() {
	}

	static Map<String, Object> raw() {
		return Yaml.load(Repository.read(FILE));
	}

	/** The file with every variable interpolated from the given environment. */
	static Map<String, Object> interpolated(Map<String, String> environment) {
		return map(interpolate(raw(), environment));
	}

	/** The variables of {@code docker/.env.example}, with a value for every empty one. */
	static Map<String, String> exampleEnvironment() {
		Map<String, String> environment = new LinkedHashMap<>();
		for (String line : Repository.read("docker/.env.example").lines().toList()) {
			if (line.matches("[A-Z][A-Z0-9_]*=.*")) {
				String key = line.substring(0, line.indexOf('='));
				String value = line.substring(line.indexOf('=') + 1);
				environment.put(key, value.isEmpty() ? "test-" + key.toLowerCase() : value);
			}
		}
		return environment;
	}

	/** Every variable the file interpolates. */
	static Set<String> referencedVariables() {
		Set<String> names = new TreeSet<>();
		Matcher matcher = VARIABLE.matcher(Repository.read(FILE));
		while (matcher.find()) {
			if (matcher.group(1) != null) {
				names.add(matcher.group(1));
			}
		}
		return names;
	}

	/** The variables the file requires ({@code ${VAR:?...}}). */
	static Set<String> requiredVariables() {
		Set<String> names = new TreeSet<>();
		Matcher matcher = VARIABLE.matcher(Repository.read(FILE));
		while (matcher.find()) {
			if (matcher.group(1) != null && ":?".equals(matcher.group(2))) {
				names.add(matcher.group(1));
			}
		}
		return names;
	}

	static Object interpolate(Object value, Map<String, String> environment) {
		if (value instanceof Map<?, ?> m) {
			Map<String, Object> result = new LinkedHashMap<>();
			m.forEach((k, v) -> result.put(String.valueOf(k), interpolate(v, environment)));
			return result;
		}
		if (value instanceof List<?> l) {
			return l.stream().map((item) -> interpolate(item, environment)).toList();
		}
		if (value instanceof String text) {
			return interpolate(text, environment);
		}
		return value;
	}

	static String interpolate(String text, Map<String, String> environment) {
		Matcher matcher = VARIABLE.matcher(text);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String replacement;
			if (matcher.group(0).equals("$$")) {
				replacement = "$";
			}
			else {
				String name = matcher.group(1);
				String operator = matcher.group(2);
				String argument = (matcher.group(3) != null) ? interpolate(matcher.group(3), environment) : "";
				String value = environment.get(name);
				boolean set = value != null;
				boolean nonEmpty = set && !value.isEmpty();
				replacement = switch (operator == null ? "" : operator) {
					case "" -> set ? value : "";
					case ":-" -> nonEmpty ? value : argument;
					case "-" -> set ? value : argument;
					case ":?" -> {
						if (!nonEmpty) {
							throw new IllegalArgumentException("Compose stops: " + name + ": " + argument);
						}
						yield value;
					}
					case "?" -> {
						if (!set) {
							throw new IllegalArgumentException("Compose stops: " + name + ": " + argument);
						}
						yield value;
					}
					case ":+" -> nonEmpty ? argument : "";
					case "+" -> set ? argument : "";
					default -> throw new IllegalArgumentException(operator);
				};
			}
			matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	static Map<String, Object> services(Map<String, Object> compose) {
		return map(compose.get("services"));
	}

	/** A service's environment as a map, whichever of Compose's two forms it uses. */
	static Map<String, String> environment(Map<String, Object> service) {
		Map<String, String> environment = new LinkedHashMap<>();
		Object declared = service.get("environment");
		if (declared instanceof Map<?, ?> m) {
			m.forEach((k, v) -> environment.put(String.valueOf(k), (v != null) ? String.valueOf(v) : null));
		}
		for (Object entry : list(declared)) {
			String text = String.valueOf(entry);
			int equals = text.indexOf('=');
			environment.put((equals < 0) ? text : text.substring(0, equals),
					(equals < 0) ? null : text.substring(equals + 1));
		}
		return environment;
	}

}
