package io.cartwright.kafka.listener;

import io.cartwright.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * What happens to an incoming event whose handling fails: a transient failure (the
 * database, a deadlock) is retried with exponential back-off
 * ({@code cartwright.kafka.listeners.retries}, {@code retry-initial-interval},
 * {@code retry-max-interval}, doubling), then the record goes to {@code <topic>.DLT}; a
 * {@link PoisonMessageException} goes there at once. The record is copied unchanged (the
 * original bytes and headers, plus Spring's exception headers), the listener goes on with
 * the next one, and the dead letter is counted ({@link DeadLetterMetrics}). Boot applies
 * this handler to its listener container factory.
 */
@AutoConfiguration
@ConditionalOnClass({ DefaultErrorHandler.class, MeterRegistry.class })
@EnableConfigurationProperties(ListenerProperties.class)
public class DeadLetterErrorHandling {

	@Bean
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	DefaultErrorHandler kafkaErrorHandler(KafkaOperations<Object, Object> kafka, ListenerProperties properties,
			MeterRegistry meters) {
		// Partition -1: let Kafka pick, so the DLT may have fewer partitions than its
		// topic.
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.retries());
		backOff.setInitialInterval(properties.retryInitialInterval().toMillis());
		backOff.setMultiplier(2.0);
		backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(DeadLetterMetrics.counting(deadLetters, meters), backOff);
		handler.addNotRetryableExceptions(PoisonMessageException.class);
		return handler;
	}

	@Bean
	DeadLetterCounters deadLetterCounters(KafkaListenerEndpointRegistry listeners, MeterRegistry meters) {
		return new DeadLetterCounters(listeners, meters);
	}

}
