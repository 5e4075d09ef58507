package io.cartwright.benchmarks.simulations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * The {@code bench.*} system properties every simulation reads, and the HTTP protocol
 * they share. A missing property fails the simulation at once, with its name, rather than
 * running a load the orchestrator did not ask for.
 */
final class Bench {

	/** Grace after the planned end for the last iterations and requests in flight. */
	static final Duration GRACE = Duration.ofSeconds(30);

	private Bench() {
	}

	static String string(String name) {
		String value = System.getProperty(name);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException("System property " + name + " is required");
		}
		return value.strip();
	}

	static int integer(String name) {
		return Integer.parseInt(string(name));
	}

	static double decimal(String name) {
		return Double.parseDouble(string(name));
	}

	static String baseUrl() {
		return string("bench.baseUrl");
	}

	/** {@code /api/catalog} through the gateway, empty straight to catalog-service. */
	static String catalogPrefix() {
		return System.getProperty("bench.catalogPrefix", "").strip();
	}

	static Duration duration() {
		return Duration.ofSeconds(integer("bench.duration"));
	}

	static int users() {
		return integer("bench.users");
	}

	/**
	 * A CSV file of the data directory, as an absolute path (Gatling's feeders look a
	 * relative name up on the class path first).
	 * @param name the file's name, e.g. {@code products.csv}
	 * @return its absolute path
	 */
	static String data(String name) {
		Path file = Path.of(string("bench.data")).resolve(name).toAbsolutePath();
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException("Data file " + file + " does not exist");
		}
		return file.toString();
	}

	/**
	 * The protocol every simulation uses: JSON, no warm-up request (Gatling's default
	 * warm-up goes to gatling.io; the orchestrator warms up with a short run instead).
	 * @param baseUrl the base URL
	 * @return the protocol
	 */
	static HttpProtocolBuilder http(String baseUrl) {
		return http.baseUrl(baseUrl)
			.acceptHeader("application/json")
			.contentTypeHeader("application/json")
			.userAgentHeader("cartwright-benchmarks")
			.disableWarmUp();
	}

}
