package io.cartwright.kafka.listener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/**
 * Counts the records sent to a dead-letter topic, {@code cartwright.kafka.dead.letters}
 * tagged with the {@code topic} they came from: each needs an operator. The counter of
 * every consumed topic exists from the start, at zero ({@link DeadLetterCounters}), so
 * that an alert sees it increase from the first dead letter on.
 */
final class DeadLetterMetrics {

	static final String NAME = "cartwright.kafka.dead.letters";

	private DeadLetterMetrics() {
	}

	/**
	 * A recoverer that counts each record the given one has published.
	 * @param deadLetters publishes a record to its dead-letter topic
	 * @param meters the registry
	 * @return the counting recoverer
	 */
	static ConsumerRecordRecoverer counting(ConsumerRecordRecoverer deadLetters, MeterRegistry meters) {
		return (record, ex) -> {
			deadLetters.accept(record, ex);
			counter(meters, record.topic()).increment();
		};
	}

	/**
	 * The counter of the records from one topic, registered if it is not yet.
	 * @param meters the registry
	 * @param topic a consumed topic
	 * @return its counter
	 */
	static Counter counter(MeterRegistry meters, String topic) {
		return Counter.builder(NAME)
			.description("Records sent to the dead-letter topic, by the topic they came from")
			.tag("topic", topic)
			.register(meters);
	}

}
