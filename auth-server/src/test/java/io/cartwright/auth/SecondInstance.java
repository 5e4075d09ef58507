package io.cartwright.auth;

import java.util.List;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another auth-server on the schema of the test's own, as a restart or a second replica
 * would run: its settings are command-line arguments, which win over the config-repo
 * files it imports.
 */
public final class SecondInstance {

	private SecondInstance() {
	}

	/**
	 * Starts it on a free port.
	 * @param dataSource the test's data source, whose schema and account it shares
	 * @param keyPassword the password of the stored signing keys
	 * @return the running instance; {@code local.server.port} is its port
	 */
	public static ConfigurableApplicationContext start(HikariDataSource dataSource, String keyPassword) {
		String repo = System.getProperty("cartwright.config-repo", "../config-server/config-repo");
		List<String> arguments = List.of("--spring.cloud.config.enabled=false", "--spring.cloud.bus.enabled=false",
				"--spring.config.import=file:" + repo + "/application.yml,file:" + repo + "/auth-server.yml",
				"--spring.datasource.url=" + dataSource.getJdbcUrl(),
				"--spring.datasource.username=" + dataSource.getUsername(),
				"--spring.datasource.password=" + dataSource.getPassword(), "--server.port=0",
				"--server.address=127.0.0.1", "--AUTH_KEY_PASSWORD=" + keyPassword,
				"--AUTOMATION_CLIENT_SECRET=" + AuthServerIntegrationTest.AUTOMATION_SECRET,
				"--ORDER_CLIENT_SECRET=" + AuthServerIntegrationTest.ORDER_SECRET);
		return new SpringApplicationBuilder(AuthServerApplication.class).run(arguments.toArray(String[]::new));
	}

	/**
	 * The base URL of a started instance.
	 * @param instance the instance
	 * @return its address on 127.0.0.1
	 */
	public static String baseUrl(ConfigurableApplicationContext instance) {
		return "http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port");
	}

}
