package io.cartwright.cart.config;

import io.cartwright.cart.events.PoisonEventException;
import io.cartwright.events.Topics;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.core.JacksonException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
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
class KafkaConfiguration {

	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<?, ?> template) {
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(4);
		backOff.setInitialInterval(200);
		backOff.setMultiplier(2);
		backOff.setMaxInterval(2_000);
		DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
		handler.addNotRetryableExceptions(PoisonEventException.class, JacksonException.class,
				IllegalArgumentException.class);
		return handler;
	}

}
