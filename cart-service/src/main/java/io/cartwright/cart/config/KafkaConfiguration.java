package io.cartwright.cart.config;

import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import io.cartwright.cart.events.PoisonEventException;
import io.cartwright.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.core.JacksonException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * What happens to a record the cart cannot apply: retried with back-off (a database
 * hiccup), then sent to {@code <topic>.DLT}; a record that can never succeed (not JSON,
 * unknown type, no event id) goes there at once. Boot wires this handler into the
 * listener container factory.
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
	 * The handler; each record sent to a dead-letter topic is counted as
	 * {@code cartwright.kafka.dead.letters} tagged with the topic it came from (every
	 * consumed topic's counter exists from the start, at zero).
	 */
	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<?, ?> template, MeterRegistry meters) {
		DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
		CONSUMED.forEach((topic) -> deadLetterCounter(meters, topic));
		ConsumerRecordRecoverer deadLetters = (record, ex) -> {
			publisher.accept(record, ex);
			deadLetterCounter(meters, record.topic()).increment();
		};
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(4);
		backOff.setInitialInterval(200);
		backOff.setMultiplier(2);
		backOff.setMaxInterval(2_000);
		DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
		handler.addNotRetryableExceptions(PoisonEventException.class, JacksonException.class,
				IllegalArgumentException.class);
		return handler;
	}

	private static Counter deadLetterCounter(MeterRegistry meters, String topic) {
		return Counter.builder("cartwright.kafka.dead.letters")
			.description("Records sent to the dead-letter topic, by the topic they came from")
			.tag("topic", topic)
			.register(meters);
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
