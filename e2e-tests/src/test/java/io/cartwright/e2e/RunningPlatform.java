package io.cartwright.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.cartwright.launcher.LocalPlatform;
import io.cartwright.launcher.PlatformSettings;

/**
 * The whole platform, started once per test JVM by the launcher from the built jars, on
 * free ports and a fresh data directory, and stopped when the JVM exits: auth-server
 * issues the tokens, exactly as in a local run. Every service exports its spans to the
 * {@link TraceCollector}.
 */
final class RunningPlatform {

	/** The storefront origin the gateway's CORS configuration allows in these tests. */
	static final String STOREFRONT_ORIGIN = "https://shop.e2e.example";

	/**
	 * Per-customer rate limit of these tests: low enough for a test to exceed it, while
	 * every test's customer has a bucket of its own. Anonymous calls all come from
	 * 127.0.0.1, so their limit is high.
	 */
	static final int CUSTOMER_REQUESTS_PER_SECOND = 20;

	static final int CUSTOMER_BURST = 40;

	private static LocalPlatform platform;

	private static Path dataDir;

	private static PlatformSettings settings;

	private static Path configRepo;

	private RunningPlatform() {
	}

	/**
	 * The running platform, started on first use.
	 * @return the platform
	 */
	static synchronized LocalPlatform get() {
		if (platform == null) {
			platform = start();
		}
		return platform;
	}

	/**
	 * The storefront's one address.
	 * @return the gateway's base URL
	 */
	static String gateway() {
		return get().url("gateway");
	}

	/**
	 * The directory config-server serves: a copy of config-repo made for this run, which
	 * a test may edit (and must restore) to change the running services' configuration.
	 * @return the directory
	 */
	static Path configRepo() {
		get();
		return configRepo;
	}

	/**
	 * The port of one of the platform's servers.
	 * @param name for example {@code redis}
	 * @return the port
	 */
	static int port(String name) {
		get();
		return settings.ports().get(name);
	}

	private static LocalPlatform start() {
		try {
			Path home = Path.of(System.getProperty("cartwright.home", "..")).toAbsolutePath().normalize();
			Path data = Files.createTempDirectory("cartwright-e2e-");
			dataDir = data;
			configRepo = copyOfConfigRepo(home);
			settings = PlatformSettings.onFreePorts(home, data)
				.withEnvironment(environment())
				.withEnvironment(Map.of("CONFIG_REPO_LOCATION", configRepo.toUri().toString()));
			LocalPlatform started = LocalPlatform.start(settings);
			Runtime.getRuntime().addShutdownHook(new Thread(started::close, "e2e-platform-stop"));
			return started;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A service's log file: its console output, one JSON object a line.
	 * @param service the service's name
	 * @return the file
	 */
	static Path logFile(String service) {
		get();
		return dataDir.resolve("logs").resolve(service + ".log");
	}

	private static Path copyOfConfigRepo(Path home) throws IOException {
		Path copy = Files.createTempDirectory("cartwright-e2e-config-repo-");
		try (DirectoryStream<Path> files = Files.newDirectoryStream(home.resolve("config-server/config-repo"))) {
			for (Path file : files) {
				Files.copy(file, copy.resolve(file.getFileName()));
			}
		}
		return copy;
	}

	private static Map<String, String> environment() {
		Map<String, String> environment = new HashMap<>(Map.of("CORS_ALLOWED_ORIGINS", STOREFRONT_ORIGIN,
				"RATE_LIMIT_AUTHENTICATED_REPLENISH_RATE", String.valueOf(CUSTOMER_REQUESTS_PER_SECOND),
				"RATE_LIMIT_AUTHENTICATED_BURST_CAPACITY", String.valueOf(CUSTOMER_BURST),
				"RATE_LIMIT_ANONYMOUS_REPLENISH_RATE", "1000", "RATE_LIMIT_ANONYMOUS_BURST_CAPACITY", "2000",
				"RATE_LIMIT_AUTH_REPLENISH_RATE", "1000", "RATE_LIMIT_AUTH_BURST_CAPACITY", "2000"));
		// Every service exports its spans to the test's OTLP receiver, every second.
		environment.put("OTLP_TRACING_ENABLED", "true");
		environment.put("OTLP_TRACING_ENDPOINT", TraceCollector.get().endpoint());
		environment.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "1s");
		return environment;
	}

}
