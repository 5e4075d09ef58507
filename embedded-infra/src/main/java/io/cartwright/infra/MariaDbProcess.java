package io.cartwright.infra;

import java.nio.file.Path;
import java.util.List;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;

/**
 * A running {@code mariadbd} process.
 */
final class MariaDbProcess {

	private static final long START_TIMEOUT_MS = 60_000;

	private final ManagedProcess process;

	private MariaDbProcess(ManagedProcess process) {
		this.process = process;
	}

	/**
	 * Starts {@code mariadbd} on an initialized data directory and waits until it accepts
	 * connections.
	 * @param binaries the binaries
	 * @param dataDir the data directory
	 * @param port the TCP port on 127.0.0.1
	 * @param extraOptions further server options
	 * @param killOnJvmExit whether a JVM shutdown hook kills the process
	 * @return the running process
	 */
	static MariaDbProcess start(MariaDbBinaries binaries, Path dataDir, int port, List<String> extraOptions,
			boolean killOnJvmExit) {
		Path tmpDir = Path.of(System.getProperty("java.io.tmpdir"));
		ManagedProcessBuilder builder;
		try {
			builder = new ManagedProcessBuilder(binaries.server().toFile());
		}
		catch (ManagedProcessException ex) {
			throw new IllegalStateException("Cannot find mariadbd in " + binaries.baseDir(), ex);
		}
		builder.addArgument("--no-defaults"); // must come first
		builder.addArgument("--console");
		builder.addArgument("--basedir=" + binaries.baseDir());
		builder.addArgument("--datadir=" + dataDir);
		builder.addArgument("--tmpdir=" + tmpDir);
		builder.addArgument("--port=" + port);
		builder.addArgument("--bind-address=" + LocalPorts.HOST);
		// The default socket, /tmp/mysql.sock, would clash between servers.
		builder.addArgument("--socket=" + tmpDir.resolve("cartwright-mariadb-" + port + ".sock"));
		// MariaDB 11.4 generates a TLS certificate at every start unless told not to: ~3
		// s.
		builder.addArgument("--skip-ssl");
		builder.addArgument("--skip-name-resolve");
		builder.addArgument("--max-allowed-packet=64M");
		MariaDbOptions.storage().forEach(builder::addArgument);
		MariaDbOptions.mysqlCompatibility().forEach(builder::addArgument);
		MariaDbOptions.runAs().forEach(builder::addArgument);
		extraOptions.forEach(builder::addArgument);
		builder.getEnvironment().putAll(binaries.environment());
		builder.setWorkingDirectory(binaries.baseDir().toFile());
		builder.setOutputStreamLogDispatcher(new MariaDbLogDispatcher());
		// A safety net for JVMs that exit without stopping the server.
		builder.setDestroyOnShutdown(killOnJvmExit);
		ManagedProcess process = builder.build();
		boolean ready;
		try {
			ready = process.startAndWaitForConsoleMessageMaxMs(": ready for connections.", START_TIMEOUT_MS);
		}
		catch (ManagedProcessException ex) {
			throw new IllegalStateException("MariaDB did not start on port " + port + " with data directory " + dataDir
					+ ":\n" + process.getLastConsoleLines(), ex);
		}
		if (!ready) {
			destroy(process);
			throw new IllegalStateException("MariaDB did not get ready within " + START_TIMEOUT_MS + " ms on port "
					+ port + ":\n" + process.getLastConsoleLines());
		}
		return new MariaDbProcess(process);
	}

	/**
	 * Shuts the server down cleanly (SIGTERM) and waits for it to exit.
	 */
	void stop() {
		destroy(this.process);
	}

	private static void destroy(ManagedProcess process) {
		if (!process.isAlive()) {
			return;
		}
		try {
			process.destroy();
		}
		catch (ManagedProcessException ex) {
			if (process.isAlive()) {
				throw new IllegalStateException("Cannot stop MariaDB", ex);
			}
		}
	}

}
