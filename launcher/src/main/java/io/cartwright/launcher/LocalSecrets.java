package io.cartwright.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The local run's credentials for auth-server: the first staff account, the demo
 * customer, the service and automation clients, and the password that encrypts the stored
 * signing keys. Made up on the first run and kept in the data directory (see
 * {@link SecretsFile}), so that sign-ins and tokens survive a restart.
 *
 * @param staffPassword the password of {@link #STAFF_EMAIL}
 * @param demoPassword the password of {@link #DEMO_EMAIL}
 * @param orderClientSecret order-service's client secret
 * @param automationClientSecret the automation client's secret
 * @param keyPassword encrypts auth-server's signing keys at rest
 */
public record LocalSecrets(String staffPassword, String demoPassword, String orderClientSecret,
		String automationClientSecret, String keyPassword) {

	/** The first staff account of a local run. */
	public static final String STAFF_EMAIL = "staff@cartwright.local";

	/** The demo customer of a local run. */
	public static final String DEMO_EMAIL = "demo@cartwright.local";

	/** The client that automation (scripts, the benchmarks) signs in with. */
	public static final String AUTOMATION_CLIENT_ID = "cartwright-automation";

	private static final List<String> NAMES = List.of("staff-password", "demo-password", "order-client-secret",
			"automation-client-secret", "key-password");

	static LocalSecrets loadOrCreate(Path dataDir) {
		Properties stored = SecretsFile.loadOrCreate(dataDir.resolve("local-secrets.properties"), NAMES,
				"Local credentials for auth-server, made up on the first run. Not for production.");
		return new LocalSecrets(stored.getProperty("staff-password"), stored.getProperty("demo-password"),
				stored.getProperty("order-client-secret"), stored.getProperty("automation-client-secret"),
				stored.getProperty("key-password"));
	}

	@Override
	public String toString() {
		return "LocalSecrets[kept in local-secrets.properties]";
	}

	/**
	 * The environment through which config-repo hands these to auth-server and
	 * order-service.
	 * @return the variables
	 */
	Map<String, String> environment() {
		return Map.of("AUTH_STAFF_EMAIL", STAFF_EMAIL, "AUTH_STAFF_PASSWORD", this.staffPassword, "AUTH_DEMO_PASSWORD",
				this.demoPassword, "ORDER_CLIENT_SECRET", this.orderClientSecret, "AUTOMATION_CLIENT_SECRET",
				this.automationClientSecret, "AUTH_KEY_PASSWORD", this.keyPassword);
	}

}
