package io.cartwright.infra.test;

import java.util.List;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;

/**
 * Points the test's Kafka clients at the shared embedded broker.
 *
 * @param getBootstrapServers the broker's address
 */
record EmbeddedKafkaConnectionDetails(List<String> getBootstrapServers) implements KafkaConnectionDetails {

	static final String BEAN_NAME = "embeddedInfrastructureKafkaConnectionDetails";

	/**
	 * Registers the lazy bean.
	 * @param registry the registry
	 */
	static void register(BeanDefinitionRegistry registry) {
		RootBeanDefinition definition = new RootBeanDefinition(KafkaConnectionDetails.class,
				() -> new EmbeddedKafkaConnectionDetails(List.of(SharedInfrastructure.kafka().bootstrapServers())));
		definition.setLazyInit(true);
		registry.registerBeanDefinition(BEAN_NAME, definition);
	}

}
