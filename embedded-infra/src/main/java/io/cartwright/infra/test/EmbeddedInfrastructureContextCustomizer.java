package io.cartwright.infra.test;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

/**
 * Registers a lazy {@code ConnectionDetails} bean for each embedded server the context
 * needs; a server starts only when its bean is first asked for. Which Spring Boot modules
 * are present decides which beans are registered, and each kind of bean lives in its own
 * class, loaded only when its module is there. With Spring Security's JWT support
 * present, the JWT decoders trust {@link TestTokens} instead of an issuer.
 */
class EmbeddedInfrastructureContextCustomizer implements ContextCustomizer {

	static final String DATASOURCE_URL = "spring.datasource.url";

	private static final String JDBC_DETAILS = "org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails";

	private static final String REDIS_DETAILS = "org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails";

	private static final String SPRING_DATA_REDIS = "org.springframework.data.redis.connection.RedisConnectionFactory";

	private static final String KAFKA_DETAILS = "org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails";

	private static final String SPRING_KAFKA = "org.springframework.kafka.core.KafkaTemplate";

	private static final String STREAM_KAFKA_BINDER = "org.springframework.cloud.stream.binder.kafka.properties.KafkaBinderConfigurationProperties";

	private static final String JWT_DECODER = "org.springframework.security.oauth2.jwt.NimbusJwtDecoder";

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		if (!(context.getBeanFactory() instanceof BeanDefinitionRegistry registry)) {
			throw new IllegalStateException("@EmbeddedInfrastructure needs a context that can register beans, not "
					+ context.getClass().getName());
		}
		ClassLoader classLoader = context.getClassLoader();
		ConfigurableEnvironment environment = context.getEnvironment();
		String datasourceUrl = datasourceUrl(environment);
		if (datasourceUrl != null && ClassUtils.isPresent(JDBC_DETAILS, classLoader)) {
			EmbeddedJdbcConnectionDetails.register(registry, datasourceUrl);
		}
		if (ClassUtils.isPresent(REDIS_DETAILS, classLoader) && ClassUtils.isPresent(SPRING_DATA_REDIS, classLoader)) {
			EmbeddedRedisConnectionDetails.register(registry);
		}
		if (ClassUtils.isPresent(KAFKA_DETAILS, classLoader) && ClassUtils.isPresent(SPRING_KAFKA, classLoader)) {
			EmbeddedKafkaConnectionDetails.register(registry);
			if (ClassUtils.isPresent(STREAM_KAFKA_BINDER, classLoader)) {
				environment.getPropertySources().addFirst(new EmbeddedKafkaBinderBrokers());
			}
		}
		if (ClassUtils.isPresent(JWT_DECODER, classLoader)) {
			TestJwtDecoders.register(registry, classLoader);
		}
	}

	/**
	 * Returns the configured URL, resolved if possible. Only its schema and parameters
	 * matter, so a host or port placeholder that cannot be resolved in tests is no reason
	 * to fail.
	 */
	private static String datasourceUrl(ConfigurableEnvironment environment) {
		try {
			return environment.getProperty(DATASOURCE_URL);
		}
		catch (IllegalArgumentException unresolvablePlaceholder) {
			for (PropertySource<?> source : environment.getPropertySources()) {
				Object value = source.getProperty(DATASOURCE_URL);
				if (value != null) {
					return value.toString();
				}
			}
			return null;
		}
	}

	/**
	 * Spring Cloud Stream's Kafka binder (Spring Cloud Bus) reads its brokers from its
	 * own property, not from {@code ConnectionDetails}: it is pointed at the embedded
	 * broker too, resolved (and the broker started) only when the binder asks. Even with
	 * the bus off, a test context restarted after a pause binds the bus channel.
	 */
	private static final class EmbeddedKafkaBinderBrokers extends PropertySource<Object> {

		private static final String BROKERS = "spring.cloud.stream.kafka.binder.brokers";

		EmbeddedKafkaBinderBrokers() {
			super("embeddedKafkaBinderBrokers");
		}

		@Override
		public Object getProperty(String name) {
			return BROKERS.equals(name) ? SharedInfrastructure.kafka().bootstrapServers() : null;
		}

	}

	@Override
	public boolean equals(Object other) {
		return other != null && getClass() == other.getClass();
	}

	@Override
	public int hashCode() {
		return getClass().hashCode();
	}

}
