package io.cartwright.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The checkout under test: its root and the files the deployment descriptors are made of.
 */
final class Repository {

	/** The Spring Boot modules that become images, with the port each listens on. */
	static final List<String> SERVICES = List.of("config-server", "auth-server", "catalog-service", "cart-service",
			"order-service", "gateway");

	/** The services that import their configuration from config-server. */
	static final List<String> CONFIG_CLIENTS = List.of("auth-server", "catalog-service", "cart-service",
			"order-service", "gateway");

	private Repository() {
	}

	static Path root() {
		String home = System.getProperty("cartwright.home");
		Path root = (home != null) ? Path.of(home) : Path.of("..").toAbsolutePath().normalize();
		if (!Files.isRegularFile(root.resolve("mvnw")) || !Files.isDirectory(root.resolve("config-server"))) {
			throw new IllegalStateException("Not Cartwright's checkout: " + root);
		}
		return root;
	}

	static Path path(String relative) {
		return root().resolve(relative);
	}

	static String read(String relative) {
		try {
			return Files.readString(path(relative));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The project's version, which is also the images' default tag. */
	static String projectVersion() {
		return System.getProperty("cartwright.project-version", "0.1.0-SNAPSHOT");
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		return (value instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object value) {
		return (value instanceof List<?> list) ? (List<Object>) list : List.of();
	}

	/**
	 * A nested value by keys, or {@code null}.
	 * @param root a parsed YAML document
	 * @param keys the path
	 * @return the value
	 */
	static Object at(Object root, String... keys) {
		Object current = root;
		for (String key : keys) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(key);
		}
		return current;
	}

}
