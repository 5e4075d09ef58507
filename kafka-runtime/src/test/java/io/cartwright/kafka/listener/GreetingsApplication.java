package io.cartwright.kafka.listener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;

/**
 * A service with one {@code @KafkaListener} on a topic of three partitions, consumed by
 * three consumers as the services' are, that notes whether its listener container was
 * running when the context had started (its lifecycle started, the application not yet
 * ready).
 */
@SpringBootApplication
class GreetingsApplication {

	static final String TOPIC = "kafka-runtime.greetings";

	static final String LISTENER = "greetings";

	@Bean
	NewTopic greetingsTopic() {
		return TopicBuilder.name(TOPIC).partitions(3).replicas(1).build();
	}

	@Bean
	Greetings greetings() {
		return new Greetings();
	}

	@Bean
	StartedState startedState() {
		return new StartedState();
	}

	static class Greetings {

		private final List<String> received = new CopyOnWriteArrayList<>();

		@KafkaListener(id = LISTENER, topics = TOPIC, groupId = "kafka-runtime-test-${random.uuid}")
		void on(String greeting) {
			this.received.add(greeting);
		}

		List<String> received() {
			return this.received;
		}

	}

	static class StartedState {

		private volatile Boolean listenerRunning;

		@EventListener
		void on(ApplicationStartedEvent started) {
			KafkaListenerEndpointRegistry registry = started.getApplicationContext()
				.getBean(KafkaListenerEndpointRegistry.class);
			this.listenerRunning = registry.getListenerContainer(LISTENER).isRunning();
		}

		Boolean listenerRunning() {
			return this.listenerRunning;
		}

	}

}
