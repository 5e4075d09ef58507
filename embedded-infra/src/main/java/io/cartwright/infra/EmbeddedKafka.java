package io.cartwright.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Apache Kafka broker in KRaft mode (combined broker and controller)
 * running in this JVM and listening on 127.0.0.1, for the tests and the local run. Topics
 * are created on first use.
 * <p>
 * The log directory is temporary by default and deleted on {@link #stop()}; with
 * {@link Builder#logDir(Path)} it is persistent: formatted only while empty, so topics,
 * messages and committed offsets survive restarts.
 */
public final class EmbeddedKafka implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedKafka.class);

	private static final int NODE_ID = 1;

	private static final String CONTROLLER_LISTENER = "CONTROLLER";

	private final KafkaRaftServer server;

	private final int port;

	private final Path logDir;

	private final boolean temporary;

	private boolean stopped;

	private EmbeddedKafka(KafkaRaftServer server, int port, Path logDir, boolean temporary) {
		this.server = server;
		this.port = port;
		this.logDir = logDir;
		this.temporary = temporary;
	}

	/**
	 * Starts configuring a broker: by default on free ports with a temporary log
	 * directory.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns the address clients bootstrap from, such as {@code 127.0.0.1:9092}.
	 * @return the bootstrap servers
	 */
	public String bootstrapServers() {
		return LocalPorts.HOST + ":" + this.port;
	}

	/**
	 * Returns the port of the client listener.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Returns the log directory, which holds both the topics and the metadata log.
	 * @return the log directory
	 */
	public Path logDir() {
		return this.logDir;
	}

	/**
	 * Shuts the broker down and waits for it; a temporary log directory is deleted. Does
	 * nothing when already stopped.
	 */
	public synchronized void stop() {
		if (this.stopped) {
			return;
		}
		this.stopped = true;
		this.server.shutdown();
		this.server.awaitShutdown();
		if (this.temporary) {
			Directories.delete(this.logDir);
		}
		logger.info("Kafka on port {} stopped", this.port);
	}

	/**
	 * Same as {@link #stop()}.
	 */
	@Override
	public void close() {
		stop();
	}

	/**
	 * Configures and starts an {@link EmbeddedKafka}.
	 */
	public static final class Builder {

		private int port;

		private int controllerPort;

		private Path logDir;

		private Builder() {
		}

		/**
		 * Sets the client port on 127.0.0.1; {@code 0}, the default, picks a free one.
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/**
		 * Sets the port of the KRaft controller listener on 127.0.0.1, which clients
		 * never use; {@code 0}, the default, picks a free one. It may change between
		 * restarts.
		 * @param controllerPort the port
		 * @return this builder
		 */
		public Builder controllerPort(int controllerPort) {
			this.controllerPort = controllerPort;
			return this;
		}

		/**
		 * Makes the log directory persistent, created and formatted if missing or empty.
		 * Without it, the broker uses a temporary directory that
		 * {@link EmbeddedKafka#stop()} deletes.
		 * @param logDir the log directory
		 * @return this builder
		 */
		public Builder logDir(Path logDir) {
			this.logDir = logDir;
			return this;
		}

		/**
		 * Starts the broker and waits until it serves clients.
		 * @return the running broker
		 * @throws PortInUseException if a port is taken
		 */
		public EmbeddedKafka start() {
			long started = System.nanoTime();
			int chosenPort = LocalPorts.freeOrRequire(this.port, "Kafka");
			int chosenControllerPort = LocalPorts.freeOrRequire(this.controllerPort, "Kafka controller");
			boolean temporary = this.logDir == null;
			Path dir = temporary ? createTemporaryLogDir() : createDirectories(this.logDir.toAbsolutePath());
			KafkaRaftServer server;
			try {
				KafkaConfig config = new KafkaConfig(properties(chosenPort, chosenControllerPort, dir), false);
				formatIfEmpty(dir);
				server = new KafkaRaftServer(config, Time.SYSTEM);
				server.startup();
			}
			catch (RuntimeException ex) {
				if (temporary) {
					Directories.delete(dir);
				}
				throw new IllegalStateException("Kafka did not start on port " + chosenPort + " with log directory "
						+ dir + ": " + ex.getMessage(), ex);
			}
			logger.info("Kafka listening on {}:{} with {} log directory {} (started in {} ms)", LocalPorts.HOST,
					chosenPort, temporary ? "temporary" : "persistent", dir, (System.nanoTime() - started) / 1_000_000);
			return new EmbeddedKafka(server, chosenPort, dir, temporary);
		}

		private static Map<String, Object> properties(int port, int controllerPort, Path dir) {
			Map<String, Object> properties = new HashMap<>();
			properties.put("process.roles", "broker,controller");
			properties.put("node.id", String.valueOf(NODE_ID));
			// A static voter set: the controller port is read from here at every start.
			properties.put("controller.quorum.voters", NODE_ID + "@" + LocalPorts.HOST + ":" + controllerPort);
			properties.put("controller.listener.names", CONTROLLER_LISTENER);
			properties.put("listeners", "PLAINTEXT://" + LocalPorts.HOST + ":" + port + "," + CONTROLLER_LISTENER
					+ "://" + LocalPorts.HOST + ":" + controllerPort);
			properties.put("advertised.listeners", "PLAINTEXT://" + LocalPorts.HOST + ":" + port);
			properties.put("listener.security.protocol.map",
					"PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
			properties.put("inter.broker.listener.name", "PLAINTEXT");
			properties.put("log.dirs", dir.toString());
			properties.put("auto.create.topics.enable", "true");
			properties.put("num.partitions", "1");
			properties.put("default.replication.factor", "1");
			properties.put("offsets.topic.replication.factor", "1");
			properties.put("offsets.topic.num.partitions", "1");
			properties.put("transaction.state.log.replication.factor", "1");
			properties.put("transaction.state.log.min.isr", "1");
			properties.put("transaction.state.log.num.partitions", "1");
			properties.put("share.coordinator.state.topic.replication.factor", "1");
			properties.put("share.coordinator.state.topic.min.isr", "1");
			properties.put("group.initial.rebalance.delay.ms", "0");
			// The default 128 MiB buffer of the log cleaner is a lot for a test JVM.
			properties.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
			return properties;
		}

		private static void formatIfEmpty(Path dir) {
			if (Files.exists(dir.resolve("meta.properties"))) {
				return;
			}
			if (!Directories.isMissingOrEmpty(dir)) {
				throw new IllegalStateException(dir + " is neither empty nor a Kafka log directory");
			}
			ByteArrayOutputStream output = new ByteArrayOutputStream();
			try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
				new Formatter().setPrintStream(printStream)
					.setNodeId(NODE_ID)
					.setClusterId(Uuid.randomUuid().toString())
					.setControllerListenerName(CONTROLLER_LISTENER)
					.setMetadataLogDirectory(dir.toString())
					.addDirectory(dir.toString())
					.run();
			}
			catch (Exception ex) {
				throw new IllegalStateException("Cannot format the Kafka log directory " + dir, ex);
			}
			logger.debug("Formatted {}: {}", dir, output.toString(StandardCharsets.UTF_8).strip());
		}

		private static Path createTemporaryLogDir() {
			try {
				return Files.createTempDirectory("cartwright-kafka-");
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot create a temporary Kafka log directory", ex);
			}
		}

		private static Path createDirectories(Path dir) {
			try {
				return Files.createDirectories(dir);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot create the Kafka log directory " + dir, ex);
			}
		}

	}

}
