package io.cartwright.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * The database account of each service on the local MariaDB: one schema and one user per
 * service, as in production. Passwords are made up at random on the first run and kept in
 * the data directory (never in git), so that a restart finds the same accounts.
 */
final class DatabaseAccounts {

	/**
	 * One service's account, and the environment variables through which config-repo
	 * hands it to the service.
	 *
	 * @param service the service
	 * @param schema its schema
	 * @param user its database user
	 * @param password its password
	 * @param envPrefix the prefix of its {@code _DB_USER}/{@code _DB_PASSWORD} variables
	 */
	record Account(String service, String schema, String user, String password, String envPrefix) {
	}

	private static final List<String[]> SERVICES = List.of(new String[] { "catalog-service", "catalog", "CATALOG" },
			new String[] { "cart-service", "cart", "CART" }, new String[] { "order-service", "orders", "ORDER" });

	private DatabaseAccounts() {
	}

	/**
	 * Reads the accounts kept in the data directory, making up and storing the missing
	 * ones.
	 * @param dataDir the platform's data directory
	 * @return an account per service that has a database
	 */
	static List<Account> loadOrCreate(Path dataDir) {
		Path file = dataDir.resolve("database-accounts.properties");
		Properties stored = new Properties();
		try {
			if (Files.exists(file)) {
				try (Reader reader = Files.newBufferedReader(file)) {
					stored.load(reader);
				}
			}
			boolean changed = false;
			for (String[] service : SERVICES) {
				if (stored.getProperty(service[1]) == null) {
					stored.setProperty(service[1], randomPassword());
					changed = true;
				}
			}
			if (changed) {
				Files.createDirectories(dataDir);
				try (Writer writer = Files.newBufferedWriter(file)) {
					stored.store(writer, "Local database passwords, made up on the first run. Not for production.");
				}
				restrictToOwner(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return SERVICES.stream().map((s) -> new Account(s[0], s[1], s[1], stored.getProperty(s[1]), s[2])).toList();
	}

	private static String randomPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
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
