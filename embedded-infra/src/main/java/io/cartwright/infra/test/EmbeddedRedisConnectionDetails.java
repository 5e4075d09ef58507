package io.cartwright.infra.test;

import io.cartwright.infra.EmbeddedRedis;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;

/**
 * Points the test's Redis client at the shared embedded Redis.
 *
 * @param getStandalone the server's address
 */
record EmbeddedRedisConnectionDetails(Standalone getStandalone) implements DataRedisConnectionDetails {

	static final String BEAN_NAME = "embeddedInfrastructureRedisConnectionDetails";

	/**
	 * Registers the lazy bean.
	 * @param registry the registry
	 */
	static void register(BeanDefinitionRegistry registry) {
		RootBeanDefinition definition = new RootBeanDefinition(DataRedisConnectionDetails.class, () -> {
			EmbeddedRedis redis = SharedInfrastructure.redis();
			return new EmbeddedRedisConnectionDetails(Standalone.of(redis.host(), redis.port()));
		});
		definition.setLazyInit(true);
		registry.registerBeanDefinition(BEAN_NAME, definition);
	}

}
