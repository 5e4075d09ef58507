package io.cartwright.infra.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * A tiny application using a database, Redis and Kafka, as a service does.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class InfrastructureTestApplication {

	static final String TOPIC = "embedded-infra.greetings";

	@Bean
	Inbox inbox() {
		return new Inbox();
	}

	static class Inbox {

		private final List<String> received = new CopyOnWriteArrayList<>();

		@KafkaListener(topics = TOPIC, groupId = "embedded-infra-test")
		void on(String message) {
			this.received.add(message);
		}

		List<String> received() {
			return this.received;
		}

	}

}
