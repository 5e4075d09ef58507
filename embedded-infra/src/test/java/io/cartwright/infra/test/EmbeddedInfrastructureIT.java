package io.cartwright.infra.test;

import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.cartwright.infra.test.InfrastructureTestApplication.Inbox;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest
@EmbeddedInfrastructure
@ActiveProfiles("fixture")
class EmbeddedInfrastructureIT {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	Inbox inbox;

	@Autowired
	Environment environment;

	@Value("${spring.application.name}")
	String applicationName;

	@Test
	void migratesWithFlywayAndRoundTripsRowsOnEmbeddedMariaDb() {
		this.jdbc.update("INSERT INTO greeting (message) VALUES (?)", "hello from MariaDB");

		assertThat(this.jdbc.queryForList("SELECT message FROM greeting", String.class)).contains("hello from MariaDB");
		assertThat(this.jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success = 1", String.class))
			.containsExactly("1");
		assertThat(this.jdbc.queryForObject("SELECT VERSION()", String.class)).contains("MariaDB");
	}

	@Test
	void connectsAsTheSchemaUserToTheSchemaOfTheConfiguredUrlKeepingItsParameters() {
		assertThat(this.jdbc.queryForObject("SELECT CURRENT_USER()", String.class)).isEqualTo("sample@%");
		assertThat(this.jdbc.queryForObject("SELECT DATABASE()", String.class)).isEqualTo("sample");
		assertThat(this.dataSource).isInstanceOfSatisfying(HikariDataSource.class,
				(hikari) -> assertThat(hikari.getJdbcUrl()).startsWith("jdbc:mysql://127.0.0.1:")
					.doesNotContain("localhost:3306")
					.endsWith("/sample?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"));
	}

	@Test
	void setsAndGetsThroughStringRedisTemplate() {
		String key = "greeting:" + UUID.randomUUID();

		this.redis.opsForValue().set(key, "hello from Redis");

		assertThat(this.redis.opsForValue().get(key)).isEqualTo("hello from Redis");
	}

	@Test
	void producesAndConsumesThroughKafka() {
		String message = "hello from Kafka " + UUID.randomUUID();

		this.kafka.send(InfrastructureTestApplication.TOPIC, "key", message);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(this.inbox.received()).contains(message));
	}

	@Test
	void importsSharedConfigurationFilesWithTheirProfileSpecificSiblings() {
		assertThat(this.applicationName).isEqualTo("embedded-infra");
		assertThat(this.environment.getProperty("cartwright.fixture.shared")).isEqualTo("from-application-yml");
		assertThat(this.environment.getProperty("cartwright.fixture.service")).isEqualTo("from-service-yml");
		assertThat(this.environment.getProperty("cartwright.fixture.overridden")).isEqualTo("from-service-yml");
		assertThat(this.environment.getProperty("cartwright.fixture.profile"))
			.isEqualTo("from-profile-specific-sibling");
		assertThat(this.environment.getProperty("spring.cloud.config.enabled")).isEqualTo("false");
	}

}
