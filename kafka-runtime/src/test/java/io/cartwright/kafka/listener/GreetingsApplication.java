package io.cartwright.kafka.listener;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.cartwright.events.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
 * three consumers as the services' are. It notes whether its listener container was
 * running when the context had started (its lifecycle started, the application not yet
 * ready). A greeting starting with {@code poison} can never be applied; one starting with
 * {@code flaky} fails on its first delivery.
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
	NewTopic greetingsDeadLetterTopic() {
		return TopicBuilder.name(Topics.deadLetter(TOPIC)).partitions(1).replicas(1).build();
	}

	/** What Actuator provides in a service. */
	@Bean
	SimpleMeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
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

		private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

		@KafkaListener(id = LISTENER, topics = TOPIC, groupId = "kafka-runtime-test-${random.uuid}")
		void on(String greeting) {
			int delivery = this.deliveries.computeIfAbsent(greeting, (g) -> new AtomicInteger()).incrementAndGet();
			if (greeting.startsWith("poison")) {
				throw new PoisonMessageException("Not a greeting: " + greeting);
			}
			if (greeting.startsWith("flaky") && delivery == 1) {
				throw new IllegalStateException("Database briefly unavailable");
			}
			this.received.add(greeting);
		}

		List<String> received() {
			return this.received;
		}

		int deliveries(String greeting) {
			AtomicInteger deliveries = this.deliveries.get(greeting);
			return (deliveries != null) ? deliveries.get() : 0;
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
