package io.cartwright.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An initialized, never started data directory kept in the cache. New data directories
 * are copies of it, which is much faster than initializing each one.
 * <p>
 * Its {@code root} accounts ({@code root@localhost}, {@code root@127.0.0.1},
 * {@code root@::1}) have no password and use normal password authentication, not
 * {@code unix_socket}, so that root can connect over TCP whatever the OS user is. There
 * is no {@code test} database and no anonymous account.
 */
final class MariaDbTemplate {

	private static final Logger logger = LoggerFactory.getLogger(MariaDbTemplate.class);

	/** Bump when the install options change, so that old templates are not reused. */
	private static final String NAME = "template-v1";

	private MariaDbTemplate() {
	}

	/**
	 * Returns the template data directory, initializing it first if it does not exist.
	 * @param binaries the binaries
	 * @param cacheDir the cache directory of this MariaDB version
	 * @return the template data directory, to be copied, never used directly
	 */
	static Path ensure(MariaDbBinaries binaries, Path cacheDir) {
		Path template = cacheDir.resolve(NAME);
		if (Files.isDirectory(template)) {
			return template;
		}
		try (CacheLock lock = CacheLock.acquire(cacheDir)) {
			if (!Files.isDirectory(template)) {
				initialize(binaries, template);
			}
		}
		return template;
	}

	private static void initialize(MariaDbBinaries binaries, Path template) {
		long started = System.nanoTime();
		Path staging = template.resolveSibling(NAME + ".staging");
		Directories.delete(staging);
		try {
			Files.createDirectories(staging);
			ManagedProcessBuilder install = new ManagedProcessBuilder(binaries.installDb().toFile());
			install.addArgument("--no-defaults");
			install.addArgument("--basedir=" + binaries.baseDir());
			install.addArgument("--datadir=" + staging);
			install.addArgument("--auth-root-authentication-method=normal");
			install.addArgument("--skip-test-db");
			install.addArgument("--skip-name-resolve");
			install.addArgument("--force");
			MariaDbOptions.storage().forEach(install::addArgument);
			MariaDbOptions.runAs().forEach(install::addArgument);
			install.getEnvironment().putAll(binaries.environment());
			install.setWorkingDirectory(binaries.baseDir().toFile());
			install.setOutputStreamLogDispatcher(new MariaDbLogDispatcher());
			install.setDestroyOnShutdown(true);
			ManagedProcess process = install.build();
			process.start();
			process.waitForExit();
			Files.move(staging, template, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (ManagedProcessException ex) {
			throw new IllegalStateException("Cannot initialize the MariaDB template data directory " + staging, ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot initialize the MariaDB template data directory " + staging, ex);
		}
		logger.info("Initialized MariaDB template data directory {} in {} ms", template,
				(System.nanoTime() - started) / 1_000_000);
	}

}
