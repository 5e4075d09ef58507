package io.cartwright.order.live;

import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import io.cartwright.infra.test.SharedInfrastructure;
import io.cartwright.order.CartStub;
import io.cartwright.order.OrderApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Another order-service in the test JVM, on the test's own database schema and Kafka
 * broker, as a second replica would run. It reads no Kafka topic (the test's instance
 * does, and one consumer is enough), resends no outbox entry and sweeps no saga, so that
 * it disturbs no other test; its settings are command-line arguments, which win over the
 * config-repo files it imports.
 */
final class OtherInstance {

	private OtherInstance() {
	}

	/**
	 * Starts one on a free port.
	 * @param dataSource the test's data source, whose schema and account it shares
	 * @param jwtDecoder the test's token decoder (it trusts the test key)
	 * @param redisPort where its Redis is (or is not)
	 * @param pollInterval how often its streams poll MySQL
	 * @return the running instance
	 */
	static ConfigurableApplicationContext start(HikariDataSource dataSource, JwtDecoder jwtDecoder, int redisPort,
			String pollInterval) {
		String repo = System.getProperty("cartwright.config-repo", "../config-server/config-repo");
		List<String> arguments = new ArrayList<>(List.of("--spring.cloud.config.enabled=false",
				"--spring.config.import=file:" + repo + "/application.yml,file:" + repo + "/order-service.yml",
				"--spring.datasource.url=" + dataSource.getJdbcUrl(),
				"--spring.datasource.username=" + dataSource.getUsername(),
				"--spring.datasource.password=" + dataSource.getPassword(), "--spring.data.redis.host=127.0.0.1",
				"--spring.data.redis.port=" + redisPort,
				"--spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafka().bootstrapServers(),
				"--spring.kafka.listener.auto-startup=false",
				"--spring.modulith.events.republish-outstanding-events-on-restart=false",
				"--cartwright.kafka.outbox.resubmit-interval=1h", "--cartwright.order.sweep-interval=1h",
				"--cartwright.order.live.poll-interval=" + pollInterval,
				"--CART_SERVICE_URL=" + CartStub.INSTANCE.url(), "--AUTH_TOKEN_URI=" + CartStub.INSTANCE.tokenUri(),
				"--server.port=0", "--server.address=127.0.0.1",
				"--logging.level.org.springframework.data.redis.listener=off"));
		return new SpringApplicationBuilder(OrderApplication.class)
			.initializers((context) -> context.getBeanFactory().registerSingleton("testJwtDecoder", jwtDecoder))
			.run(arguments.toArray(String[]::new));
	}

	/**
	 * The base URL of a started instance.
	 * @param instance the instance
	 * @return its address on 127.0.0.1
	 */
	static String baseUrl(ConfigurableApplicationContext instance) {
		return "http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port");
	}

}
