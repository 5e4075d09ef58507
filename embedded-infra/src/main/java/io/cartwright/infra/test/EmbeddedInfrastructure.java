package io.cartwright.infra.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * Runs a Spring test against real embedded servers: MariaDB, Redis and Kafka, started
 * once per test JVM on free ports by {@link SharedInfrastructure}, each only when the
 * test context needs it.
 * <p>
 * The servers reach Spring Boot as {@code ConnectionDetails} beans, which win over the
 * {@code spring.*} connection properties:
 * <ul>
 * <li>{@code JdbcConnectionDetails} when {@code spring.datasource.url} is set: the schema
 * named in that URL is created on the embedded MariaDB together with a user of the same
 * name and password, allowed into that schema only; the URL keeps its query
 * parameters;</li>
 * <li>{@code DataRedisConnectionDetails} when Spring Data Redis is on the classpath;</li>
 * <li>{@code KafkaConnectionDetails} when Spring for Apache Kafka is on the
 * classpath.</li>
 * </ul>
 * Instead of asking the config server, the test imports the shared configuration files
 * {@code application.yml} and {@code <spring.application.name>.yml} (and their
 * profile-specific siblings) from the directory in the {@code cartwright.config-repo}
 * system property, which the build sets; the default,
 * {@code ../config-server/config-repo}, suits a test started from a module directory.
 * Slices such as {@code @DataJpaTest} keep the embedded MariaDB instead of replacing it
 * with an in-memory database. Spring Cloud Bus is off
 * ({@code spring.cloud.bus.enabled=false}): a test about live refresh turns it on, and
 * then it runs over the embedded Kafka.
 *
 * @see SharedInfrastructure
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(properties = { "spring.cloud.config.enabled=false",
		"spring.config.import=file:${cartwright.config-repo:../config-server/config-repo}/application.yml,"
				+ "file:${cartwright.config-repo:../config-server/config-repo}/${spring.application.name}.yml",
		"spring.test.database.replace=none", "server.address=127.0.0.1", "spring.cloud.bus.enabled=false",
		"logging.level.kafka=warn", "logging.level.org.apache.kafka=warn", "logging.level.state.change.logger=warn",
		"logging.level.ch.vorburger.exec=warn" })
public @interface EmbeddedInfrastructure {

}
