package io.cartwright.infra;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;

/**
 * Runs administrative SQL as root through the {@code mariadb} command-line client over
 * TCP, so that the module needs no JDBC driver of its own.
 */
final class MariaDbClient {

	private final MariaDbBinaries binaries;

	private final int port;

	MariaDbClient(MariaDbBinaries binaries, int port) {
		this.binaries = binaries;
		this.port = port;
	}

	/**
	 * Runs SQL statements, stopping at the first that fails.
	 * @param sql the statements, each ending with a semicolon; passed on standard input,
	 * never on the command line, so that passwords in it are not logged
	 */
	void execute(String sql) {
		ManagedProcess process;
		try {
			ManagedProcessBuilder builder = new ManagedProcessBuilder(this.binaries.client().toFile());
			builder.addArgument("--no-defaults");
			builder.addArgument("--protocol=TCP");
			builder.addArgument("--host=" + LocalPorts.HOST);
			builder.addArgument("--port=" + this.port);
			builder.addArgument("--user=" + EmbeddedMariaDb.ADMIN_USER);
			builder.addArgument("--batch");
			builder.getEnvironment().putAll(this.binaries.environment());
			builder.setWorkingDirectory(this.binaries.baseDir().toFile());
			builder.setInputStream(new ByteArrayInputStream(sql.getBytes(StandardCharsets.UTF_8)));
			builder.setOutputStreamLogDispatcher(new MariaDbLogDispatcher());
			process = builder.build();
		}
		catch (ManagedProcessException ex) {
			throw new IllegalStateException("Cannot find the mariadb client in " + this.binaries.baseDir(), ex);
		}
		try {
			process.start();
			process.waitForExit();
		}
		catch (ManagedProcessException ex) {
			throw new IllegalStateException(
					"SQL failed on MariaDB port " + this.port + ":\n" + process.getLastConsoleLines(), ex);
		}
	}

}
