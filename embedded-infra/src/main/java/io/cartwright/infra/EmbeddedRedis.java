package io.cartwright.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

/**
 * A real Redis server (embedded-redis's {@code redis-server} binary) listening on
 * 127.0.0.1, for the tests and the local run.
 * <p>
 * Without a data directory nothing is written to disk; with one
 * ({@link Builder#dataDir(Path)}) Redis keeps an append-only file there, so the data
 * survives restarts.
 */
public final class EmbeddedRedis implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedRedis.class);

	private final RedisServer server;

	private final int port;

	private boolean stopped;

	private EmbeddedRedis(RedisServer server, int port) {
		this.server = server;
		this.port = port;
	}

	/**
	 * Starts configuring a server: by default on a free port without persistence.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns the host the server listens on: {@code 127.0.0.1}.
	 * @return the host
	 */
	public String host() {
		return LocalPorts.HOST;
	}

	/**
	 * Returns the port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Stops the server (SIGTERM, so that it flushes its append-only file) and waits for
	 * it to exit. Does nothing when already stopped.
	 */
	public synchronized void stop() {
		if (this.stopped) {
			return;
		}
		this.stopped = true;
		try {
			this.server.stop();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot stop Redis on port " + this.port, ex);
		}
		logger.info("Redis on port {} stopped", this.port);
	}

	/**
	 * Same as {@link #stop()}.
	 */
	@Override
	public void close() {
		stop();
	}

	/**
	 * Configures and starts an {@link EmbeddedRedis}.
	 */
	public static final class Builder {

		private int port;

		private Path dataDir;

		private Builder() {
		}

		/**
		 * Sets the port on 127.0.0.1; {@code 0}, the default, picks a free one.
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/**
		 * Makes the data persistent: Redis keeps an append-only file in this directory,
		 * created if missing.
		 * @param dataDir the data directory
		 * @return this builder
		 */
		public Builder dataDir(Path dataDir) {
			this.dataDir = dataDir;
			return this;
		}

		/**
		 * Starts the server and waits until it accepts connections.
		 * @return the running server
		 * @throws PortInUseException if the port is taken
		 */
		public EmbeddedRedis start() {
			long started = System.nanoTime();
			int chosenPort = LocalPorts.freeOrRequire(this.port, "Redis");
			RedisServerBuilder builder = RedisServer.newRedisServer()
				.bind(LocalPorts.HOST)
				.port(chosenPort)
				.soutListener((line) -> logger.debug("redis-server: {}", line))
				.serrListener((line) -> logger.warn("redis-server: {}", line));
			if (this.dataDir != null) {
				Path dir = createDirectories(this.dataDir.toAbsolutePath());
				builder.setting("dir \"" + dir + "\"").setting("appendonly yes").setting("appendfsync everysec");
			}
			else {
				builder.setting("save \"\"").setting("appendonly no");
			}
			RedisServer server;
			try {
				server = builder.build();
				server.start();
			}
			catch (IOException ex) {
				throw new IllegalStateException("Redis did not start on port " + chosenPort, ex);
			}
			logger.info("Redis listening on {}:{} {} (started in {} ms)", LocalPorts.HOST, chosenPort,
					(this.dataDir != null) ? "with data directory " + this.dataDir : "without persistence",
					(System.nanoTime() - started) / 1_000_000);
			return new EmbeddedRedis(server, chosenPort);
		}

		private static Path createDirectories(Path dir) {
			try {
				return Files.createDirectories(dir);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot create the Redis data directory " + dir, ex);
			}
		}

	}

}
