package io.cartwright.launcher;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.cartwright.infra.EmbeddedKafka;
import io.cartwright.infra.EmbeddedMariaDb;
import io.cartwright.infra.EmbeddedRedis;
import io.cartwright.infra.PortInUseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MariaDB, Redis and Kafka for the local run, in the launcher's JVM, with their data kept
 * in the platform's data directory.
 */
final class LocalInfrastructure implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(LocalInfrastructure.class);

	private final List<AutoCloseable> started = new ArrayList<>();

	private final PlatformSettings settings;

	private EmbeddedKafka kafka;

	private LocalInfrastructure(PlatformSettings settings) {
		this.settings = settings;
	}

	/**
	 * Starts the three servers and makes sure each service's schema and user exist.
	 * @param settings ports and data directory
	 * @param accounts the services' database accounts
	 * @return the running infrastructure
	 * @throws LaunchException when a server cannot start, with what to do about it
	 */
	static LocalInfrastructure start(PlatformSettings settings, List<DatabaseAccounts.Account> accounts) {
		LocalInfrastructure infrastructure = new LocalInfrastructure(settings);
		try {
			EmbeddedMariaDb mariaDb = EmbeddedMariaDb.builder()
				.port(settings.port("mysql"))
				.dataDir(settings.dataDir().resolve("mariadb"))
				.start();
			infrastructure.started.add(mariaDb);
			for (DatabaseAccounts.Account account : accounts) {
				mariaDb.createDatabaseWithUser(account.schema(), account.user(), account.password());
			}
			log.info("MariaDB {} is up on 127.0.0.1:{}", EmbeddedMariaDb.VERSION, mariaDb.port());
			EmbeddedRedis redis = EmbeddedRedis.builder()
				.port(settings.port("redis"))
				.dataDir(settings.dataDir().resolve("redis"))
				.start();
			infrastructure.started.add(redis);
			log.info("Redis is up on 127.0.0.1:{}", redis.port());
			infrastructure.startKafka();
			return infrastructure;
		}
		catch (PortInUseException ex) {
			infrastructure.close();
			throw new LaunchException(ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			infrastructure.close();
			throw new LaunchException("The embedded infrastructure could not start: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Starts Kafka on its port and log directory; after {@link #stopKafka} its data is
	 * all there again.
	 */
	synchronized void startKafka() {
		if (this.kafka != null) {
			return;
		}
		this.kafka = EmbeddedKafka.builder()
			.port(this.settings.port("kafka"))
			.controllerPort(this.settings.port("kafka-controller"))
			.logDir(this.settings.dataDir().resolve("kafka"))
			.start();
		this.started.add(this.kafka);
		log.info("Kafka is up on {}", this.kafka.bootstrapServers());
	}

	/** Stops Kafka, keeping its log directory, as a broker outage would. */
	synchronized void stopKafka() {
		if (this.kafka == null) {
			return;
		}
		this.kafka.stop();
		this.started.remove(this.kafka);
		this.kafka = null;
		log.info("Kafka is stopped");
	}

	String kafkaBootstrapServers() {
		return "127.0.0.1:" + this.settings.port("kafka");
	}

	/** Stops the servers in reverse order of their start. */
	@Override
	public void close() {
		List<AutoCloseable> reversed = new ArrayList<>(this.started);
		Collections.reverse(reversed);
		for (AutoCloseable server : reversed) {
			try {
				server.close();
			}
			catch (Exception ex) {
				log.warn("Could not stop {} cleanly: {}", server.getClass().getSimpleName(), ex.getMessage());
			}
		}
		this.started.clear();
	}

}
