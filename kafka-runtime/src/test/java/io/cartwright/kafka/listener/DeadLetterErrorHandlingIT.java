package io.cartwright.kafka.listener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.cartwright.events.Topics;
import io.cartwright.infra.test.EmbeddedInfrastructure;
import io.cartwright.kafka.listener.GreetingsApplication.Greetings;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A listener's failures against a real broker: a poison record goes to the dead-letter
 * topic at once and is counted, a transient failure is retried.
 */
@SpringBootTest(classes = GreetingsApplication.class)
@EmbeddedInfrastructure
class DeadLetterErrorHandlingIT {

	@Autowired
	Greetings greetings;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	ConsumerFactory<String, String> consumers;

	@Autowired
	MeterRegistry meters;

	@Test
	void theDeadLetterCounterOfTheConsumedTopicExistsAtZeroFromTheStart() {
		assertThat(this.meters.find(DeadLetterMetrics.NAME).tag("topic", GreetingsApplication.TOPIC).counter())
			.isNotNull();
	}

	@Test
	void aPoisonRecordGoesToTheDeadLetterTopicAtOnceAndIsCounted() throws Exception {
		double counted = deadLetters();
		String poison = "poison " + UUID.randomUUID();

		send(poison);

		try (Consumer<String, String> dlt = this.consumers.createConsumer("dlt-" + UUID.randomUUID(), null)) {
			TopicPartition partition = new TopicPartition(Topics.deadLetter(GreetingsApplication.TOPIC), 0);
			dlt.assign(List.of(partition));
			dlt.seekToBeginning(List.of(partition));
			List<String> seen = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				for (ConsumerRecord<String, String> record : dlt.poll(Duration.ofMillis(200))) {
					seen.add(record.value());
				}
				assertThat(seen).contains(poison);
			});
		}
		await().untilAsserted(() -> assertThat(deadLetters()).isEqualTo(counted + 1));
		assertThat(this.greetings.deliveries(poison)).isOne();
	}

	@Test
	void aTransientFailureIsRetriedUntilTheRecordIsApplied() throws Exception {
		String flaky = "flaky " + UUID.randomUUID();

		send(flaky);

		await().untilAsserted(() -> assertThat(this.greetings.received()).contains(flaky));
		assertThat(this.greetings.deliveries(flaky)).isEqualTo(2);
	}

	private void send(String greeting) throws Exception {
		this.kafka.send(GreetingsApplication.TOPIC, greeting).get(10, TimeUnit.SECONDS);
	}

	private double deadLetters() {
		return this.meters.get(DeadLetterMetrics.NAME).tag("topic", GreetingsApplication.TOPIC).counter().count();
	}

}
