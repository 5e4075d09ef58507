package io.cartwright.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

import io.cartwright.launcher.LocalPlatform;
import io.cartwright.launcher.PlatformSettings;

/**
 * The platform under load: started by the local launcher on free ports with a fresh data
 * directory, with the settings a load test needs (rate limits off, long-lived tokens),
 * and the process ids and database connections the measurements need.
 */
final class Platform implements AutoCloseable {

	/**
	 * What the run changes from the local defaults, and why: the gateway's per-customer
	 * and per-address rate limits would answer 429 to a load generator on one address,
	 * tokens must outlive the run, and traces are sampled as in production.
	 */
	static final Map<String, String> ENVIRONMENT = Map.of("RATE_LIMIT_ENABLED", "false",
			"CARTWRIGHT_AUTH_LIFETIMES_ACCESS", "3h", "OTLP_TRACING_ENABLED", "false",
			// The production default (application.yml); the local profile traces every
			// request, which a developer wants and a load test must not measure.
			"TRACING_SAMPLING_PROBABILITY", "0.1");

	private final LocalPlatform platform;

	private final PlatformSettings settings;

	private final Duration startedIn;

	private Platform(LocalPlatform platform, PlatformSettings settings, Duration startedIn) {
		this.platform = platform;
		this.settings = settings;
		this.startedIn = startedIn;
	}

	/**
	 * Starts the platform as {@code ./cartwright} does. A start right after a build also
	 * makes the services' AOT caches (training runs, minutes on 2 cores); so the platform
	 * is started once to make them, stopped, and started again: the second start is the
	 * one measured, as every start after the first one is.
	 * @param home the repository
	 * @param dataDir a fresh data directory
	 * @param firstStart told how long the first start took
	 * @return the running platform
	 */
	static Platform start(Path home, Path dataDir, Consumer<Duration> firstStart) {
		PlatformSettings settings = PlatformSettings.onFreePorts(home, dataDir).withEnvironment(ENVIRONMENT);
		long begin = System.nanoTime();
		try (LocalPlatform first = LocalPlatform.start(settings)) {
			firstStart.accept(Duration.ofNanos(System.nanoTime() - begin));
		}
		LocalPlatform platform = LocalPlatform.start(settings);
		return new Platform(platform, settings, platform.startedIn());
	}

	/**
	 * Restarts one service alone, as a redeploy or a crash would, and tells how long it
	 * took to be ready: the per-service start-up figure, with the machine to itself.
	 * @param name the service
	 * @return from its start to ready
	 */
	Duration restartAlone(String name) {
		this.platform.stopService(name);
		this.platform.startService(name);
		return this.platform.readyAfter().get(name);
	}

	/**
	 * The options every service's JVM runs with.
	 * @return the launcher's JVM options
	 */
	List<String> jvmOptions() {
		return this.settings.jvmOptions();
	}

	String url(String name) {
		return this.platform.url(name);
	}

	String issuer() {
		return this.platform.issuer();
	}

	Duration startedIn() {
		return this.startedIn;
	}

	Map<String, Duration> readyAfter() {
		return this.platform.readyAfter();
	}

	/**
	 * Every process of the platform: the services, and the embedded MariaDB and Redis,
	 * which are children of this JVM; Kafka runs inside this JVM.
	 * @return process ids by name
	 */
	Map<String, Long> pids() {
		Map<String, Long> pids = new LinkedHashMap<>(this.platform.pids());
		ProcessHandle.current().descendants().forEach((process) -> {
			String command = process.info().command().orElse("");
			if (command.contains("mariadbd") || command.contains("mysqld")) {
				pids.put("mariadb", process.pid());
			}
			else if (command.contains("redis-server")) {
				pids.put("redis", process.pid());
			}
		});
		pids.put("kafka (+ this JVM)", ProcessHandle.current().pid());
		return pids;
	}

	Connection database(String schema) throws SQLException {
		Properties accounts = stored("database-accounts.properties");
		String url = "jdbc:mysql://127.0.0.1:%d/%s?rewriteBatchedStatements=true&connectionTimeZone=UTC"
				+ "&forceConnectionTimeZoneToSession=true";
		return DriverManager.getConnection(url.formatted(this.settings.ports().get("mysql"), schema), schema,
				accounts.getProperty(schema));
	}

	/**
	 * The password of the local run's first staff account, made up by the launcher.
	 * @return the password
	 */
	String staffPassword() {
		return stored("local-secrets.properties").getProperty("staff-password");
	}

	private Properties stored(String file) {
		Properties properties = new Properties();
		try (Reader in = Files.newBufferedReader(this.settings.dataDir().resolve(file))) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

	@Override
	public void close() {
		this.platform.close();
	}

}
