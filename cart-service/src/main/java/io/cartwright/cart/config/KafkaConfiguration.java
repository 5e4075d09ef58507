package io.cartwright.cart.config;

import java.util.List;

import io.cartwright.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics the cart consumes. What happens to a record the cart cannot apply (retried
 * with back-off, then sent to {@code <topic>.DLT}, and counted) is kafka-runtime's
 * {@code DeadLetterErrorHandling}, with the cart's retries in {@code cart-service.yml}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaConfiguration.TopicSettings.class)
class KafkaConfiguration {

	private static final List<String> CONSUMED = List.of(Topics.PRODUCT_EVENTS, Topics.STOCK_EVENTS,
			Topics.ORDER_EVENTS);

	/**
	 * The topics the cart consumes, created if missing: a consumer that subscribes before
	 * its topic exists only finds it at its next metadata refresh, minutes later.
	 */
	@Bean
	KafkaAdmin.NewTopics consumedTopics(TopicSettings settings) {
		return new KafkaAdmin.NewTopics(CONSUMED.stream()
			.map((topic) -> TopicBuilder.name(topic)
				.partitions(settings.partitions())
				.replicas(settings.replicas())
				.build())
			.toArray(NewTopic[]::new));
	}

	/**
	 * How the topics the cart creates are laid out ({@code cartwright.cart.topics.*}).
	 *
	 * @param partitions partitions per topic, the same in every service
	 * @param replicas replication factor: 1 locally, 3 on a real cluster
	 */
	@ConfigurationProperties("cartwright.cart.topics")
	record TopicSettings(@DefaultValue("3") int partitions, @DefaultValue("1") short replicas) {
	}

}
