package io.cartwright.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The database account of each service on the local MariaDB: one schema and one user per
 * service, as in production. Passwords are made up on the first run and kept in the data
 * directory (see {@link SecretsFile}).
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
			new String[] { "cart-service", "cart", "CART" }, new String[] { "order-service", "orders", "ORDER" },
			new String[] { "auth-server", "identity", "AUTH" });

	private DatabaseAccounts() {
	}

	/**
	 * Reads the accounts kept in the data directory, making up and storing the missing
	 * ones.
	 * @param dataDir the platform's data directory
	 * @return an account per service that has a database
	 */
	static List<Account> loadOrCreate(Path dataDir) {
		Properties stored = SecretsFile.loadOrCreate(dataDir.resolve("database-accounts.properties"),
				SERVICES.stream().map((s) -> s[1]).toList(),
				"Local database passwords, made up on the first run. Not for production.");
		return SERVICES.stream().map((s) -> new Account(s[0], s[1], s[1], stored.getProperty(s[1]), s[2])).toList();
	}

}
