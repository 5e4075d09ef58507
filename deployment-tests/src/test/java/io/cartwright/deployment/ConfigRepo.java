package io.cartwright.deployment;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the services read from config-server/config-repo (and from their own
 * {@code application.yml}): the environment variables of a profile, their defaults, the
 * ports and the host names.
 */
final class ConfigRepo {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:([^}]*))?}");

	/**
	 * Spring Boot and the JVM read these without a placeholder: the active profiles and
	 * JVM options.
	 */
	static final List<String> STANDARD_VARIABLES = List.of("SPRING_PROFILES_ACTIVE", "JAVA_TOOL_OPTIONS");

	/**
	 * The variables a service reads without a placeholder: the standard ones, and for
	 * config-server {@code ENCRYPT_KEY} ({@code encrypt.key} by relaxed binding, ADR
	 * 0006).
	 */
	static List<String> standardVariables(String service) {
		return service.equals("config-server") ? List.of("SPRING_PROFILES_ACTIVE", "JAVA_TOOL_OPTIONS", "ENCRYPT_KEY")
				: STANDARD_VARIABLES;
	}

	private ConfigRepo() {
	}

	/**
	 * The files a service's configuration comes from under a profile, in config-server's
	 * order of precedence (lowest first), plus the module's own application.yml.
	 */
	static List<String> files(String service, String profile) {
		List<String> files = new ArrayList<>();
		files.add(service + "/src/main/resources/application.yml");
		if (!service.equals("config-server")) {
			for (String name : List.of("application.yml", service + ".yml", "application-" + profile + ".yml",
					service + "-" + profile + ".yml")) {
				if (Files.isRegularFile(Repository.path("config-server/config-repo/" + name))) {
					files.add("config-server/config-repo/" + name);
				}
			}
		}
		return files;
	}

	/**
	 * Every environment variable a service reads under a profile, with its default (empty
	 * when the placeholder has none). A later file's default wins, as its value would.
	 */
	static Map<String, Optional<String>> variables(String service, String profile) {
		Map<String, Optional<String>> variables = new LinkedHashMap<>();
		for (String file : files(service, profile)) {
			variables.putAll(placeholders(Repository.read(file)));
		}
		return variables;
	}

	/** The variables that have no default: the service cannot start without them. */
	static List<String> requiredVariables(String service, String profile) {
		return variables(service, profile).entrySet()
			.stream()
			.filter((entry) -> entry.getValue().isEmpty())
			.map(Map.Entry::getKey)
			.toList();
	}

	static Map<String, Optional<String>> placeholders(String yaml) {
		Map<String, Optional<String>> found = new LinkedHashMap<>();
		for (String line : yaml.lines().toList()) {
			if (line.strip().startsWith("#")) {
				continue;
			}
			Matcher matcher = PLACEHOLDER.matcher(line);
			while (matcher.find()) {
				found.put(matcher.group(1), Optional.ofNullable(matcher.group(3)));
			}
		}
		return found;
	}

	/**
	 * The default of a profile file's variable, such as {@code MYSQL_HOST} →
	 * {@code mysql}.
	 */
	static String profileDefault(String profile, String variable) {
		Optional<String> value = placeholders(
				Repository.read("config-server/config-repo/application-" + profile + ".yml"))
			.get(variable);
		if (value == null || value.isEmpty()) {
			throw new IllegalArgumentException("application-" + profile + ".yml has no default for " + variable);
		}
		return value.get();
	}

	private static final Pattern URL_LIKE = Pattern
		.compile("[a-z][a-z0-9+.-]*://.+|[A-Za-z0-9.-]+:\\d+(,[A-Za-z0-9.-]+:\\d+)*");

	private static final Pattern ON_PROFILE = Pattern.compile("(?m)^\\s*on-profile:\\s*(.+)$");

	/**
	 * Every address a profile defaults to: each variable of the profile file whose
	 * default is URL-like ({@code scheme://host...} or {@code host:port[,host:port]}) or
	 * a host ({@code *_HOST}), and those of config-server's own application.yml documents
	 * that the profile activates (keyed {@code config-server: VARIABLE}).
	 */
	static Map<String, String> profileAddresses(String profile) {
		Map<String, String> addresses = new LinkedHashMap<>();
		addresses(Repository.read("config-server/config-repo/application-" + profile + ".yml"), "", addresses);
		for (String document : Repository.read("config-server/src/main/resources/application.yml").split("(?m)^---$")) {
			Matcher matcher = ON_PROFILE.matcher(document);
			if (matcher.find() && List.of(matcher.group(1).split("[\\s|&!(),]+")).contains(profile)) {
				addresses(document, "config-server: ", addresses);
			}
		}
		return addresses;
	}

	private static void addresses(String yaml, String prefix, Map<String, String> addresses) {
		placeholders(yaml).forEach((variable, value) -> {
			if (value.isPresent() && (variable.endsWith("_HOST") || URL_LIKE.matcher(value.get()).matches())) {
				addresses.put(prefix + variable, value.get());
			}
		});
	}

	/**
	 * Where an address variable's default points: host and port. A bare host takes the
	 * default port of its companion variable ({@code MYSQL_HOST} → {@code MYSQL_PORT}).
	 */
	static HostPort endpoint(String variable, String value) {
		if (value.contains("://")) {
			URI uri = URI.create(value);
			int port = (uri.getPort() != -1) ? uri.getPort() : (uri.getScheme().equals("https") ? 443 : 80);
			return new HostPort(uri.getHost(), port);
		}
		if (value.contains(":")) {
			String first = value.split(",")[0];
			return new HostPort(first.substring(0, first.lastIndexOf(':')),
					Integer.parseInt(first.substring(first.lastIndexOf(':') + 1)));
		}
		String portVariable = variable.replaceAll("_HOST$", "_PORT");
		Optional<String> port = placeholders(Repository.read("config-server/config-repo/application.yml"))
			.get(portVariable);
		if (port == null || port.isEmpty()) {
			throw new IllegalArgumentException("No default port for " + variable);
		}
		return new HostPort(value, Integer.parseInt(port.get()));
	}

	/** The port a service listens on unless told otherwise. */
	static int serverPort(String service) {
		String file = service.equals("config-server") ? "config-server/src/main/resources/application.yml"
				: "config-server/config-repo/" + service + ".yml";
		Object port = Repository.at(defaults(file), "server", "port");
		Matcher matcher = PLACEHOLDER.matcher(String.valueOf(port));
		String value = matcher.matches() ? matcher.group(3) : String.valueOf(port);
		return Integer.parseInt(value);
	}

	/**
	 * A file's settings for every profile: its first document (later ones, such as
	 * config-server's {@code on-profile: docker | k8s}, only add to it).
	 */
	private static Map<String, Object> defaults(String file) {
		return Yaml.loadAll(Repository.read(file)).get(0);
	}

	/** How long Spring waits for requests in flight at shutdown, per phase. */
	static Duration shutdownPhase() {
		Object value = Repository.at(Yaml.load(Repository.read("config-server/config-repo/application.yml")), "spring",
				"lifecycle", "timeout-per-shutdown-phase");
		return Duration.parse("PT" + String.valueOf(value).toUpperCase());
	}

	/** Whether the Actuator's liveness and readiness groups are on for a service. */
	static boolean probesEnabled(String service) {
		String file = service.equals("config-server") ? "config-server/src/main/resources/application.yml"
				: "config-server/config-repo/application.yml";
		Map<String, Object> yaml = defaults(file);
		return Boolean.TRUE.equals(Repository.at(yaml, "management", "endpoint", "health", "probes", "enabled"))
				&& String.valueOf(Repository.at(yaml, "management", "endpoints", "web", "exposure", "include"))
					.contains("health");
	}

	record HostPort(String host, int port) {

		@Override
		public String toString() {
			return this.host + ":" + this.port;
		}

	}

}
