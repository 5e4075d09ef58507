package io.cartwright.catalog.events;

import java.util.List;

import io.cartwright.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * What happens to an incoming event whose handling fails: a transient failure (the
 * database, a deadlock) is retried with exponential back-off, then the record goes to
 * {@code <topic>.DLT}; a {@link PoisonMessageException} goes there at once. The record is
 * copied unchanged (the original bytes and headers, plus Spring's exception headers), and
 * the listener goes on with the next one, and the dead letter is counted
 * ({@link DeadLetterMetrics}). Boot applies this handler to its listener container
 * factory.
 */
@Configuration(proxyBeanMethods = false)
class KafkaErrorHandling {

	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaOperations<Object, Object> kafka, EventsProperties properties,
			MeterRegistry meters) {
		// Partition -1: let Kafka pick, so the DLT may have fewer partitions than its
		// topic.
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.retries());
		backOff.setInitialInterval(properties.retryInitialInterval().toMillis());
		backOff.setMultiplier(2.0);
		backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(
				DeadLetterMetrics.counting(deadLetters, meters, List.of(Topics.ORDER_EVENTS)), backOff);
		handler.addNotRetryableExceptions(PoisonMessageException.class);
		return handler;
	}

}
