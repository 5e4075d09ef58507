package io.cartwright.kafka.listener;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.listener.ConsumerRecordRecoverer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DeadLetterMetricsTest {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void countsEachPublishedDeadLetterByTheTopicItCameFrom() {
		List<ConsumerRecord<?, ?>> published = new ArrayList<>();
		ConsumerRecordRecoverer counting = DeadLetterMetrics.counting((record, ex) -> published.add(record),
				this.meters);

		counting.accept(new ConsumerRecord<>("shop.orders", 0, 7, "k", "v"), new PoisonMessageException("bad"));
		counting.accept(new ConsumerRecord<>("shop.orders", 1, 3, "k", "v"), new PoisonMessageException("bad"));
		counting.accept(new ConsumerRecord<>("shop.stock", 0, 1, "k", "v"), new PoisonMessageException("bad"));

		assertThat(published).hasSize(3);
		assertThat(count("shop.orders")).isEqualTo(2);
		assertThat(count("shop.stock")).isEqualTo(1);
	}

	@Test
	void doesNotCountADeadLetterThatCouldNotBePublished() {
		ConsumerRecordRecoverer counting = DeadLetterMetrics.counting((record, ex) -> {
			throw new IllegalStateException("broker unavailable");
		}, this.meters);
		DeadLetterMetrics.counter(this.meters, "shop.orders");

		assertThatIllegalStateException().isThrownBy(() -> counting
			.accept(new ConsumerRecord<>("shop.orders", 0, 7, "k", "v"), new PoisonMessageException("bad")));
		assertThat(count("shop.orders")).isZero();
	}

	private double count(String topic) {
		return this.meters.get(DeadLetterMetrics.NAME).tag("topic", topic).counter().count();
	}

}
