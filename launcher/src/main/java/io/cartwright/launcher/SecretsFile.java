package io.cartwright.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Properties;

/**
 * A properties file of secrets made up at random on the first run and kept in the data
 * directory (never in git), readable by the owner only, so that a restart finds the same
 * values.
 */
final class SecretsFile {

	private static final SecureRandom random = new SecureRandom();

	private SecretsFile() {
	}

	/**
	 * Reads the file, making up and storing a value for every missing name.
	 * @param file the file
	 * @param names the secrets it must hold
	 * @param comment the file's header line
	 * @return every secret by name
	 */
	static Properties loadOrCreate(Path file, Collection<String> names, String comment) {
		Properties stored = new Properties();
		try {
			if (Files.exists(file)) {
				try (Reader reader = Files.newBufferedReader(file)) {
					stored.load(reader);
				}
			}
			boolean changed = false;
			for (String name : names) {
				if (stored.getProperty(name) == null) {
					stored.setProperty(name, randomSecret());
					changed = true;
				}
			}
			if (changed) {
				Files.createDirectories(file.getParent());
				try (Writer writer = Files.newBufferedWriter(file)) {
					stored.store(writer, comment);
				}
				restrictToOwner(file);
			}
			return stored;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String randomSecret() {
		byte[] bytes = new byte[18];
		random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private static void restrictToOwner(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException notPosix) {
			// Windows: the file stays readable by the user's account only through its
			// folder
		}
	}

}
