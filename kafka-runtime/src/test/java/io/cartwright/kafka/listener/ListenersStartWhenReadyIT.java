package io.cartwright.kafka.listener;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.cartwright.infra.test.EmbeddedInfrastructure;
import io.cartwright.kafka.listener.GreetingsApplication.Greetings;
import io.cartwright.kafka.listener.GreetingsApplication.StartedState;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The listener containers start once the application is ready, not during its start-up; a
 * listener switched off stays off.
 */
@SpringBootTest(classes = GreetingsApplication.class)
@EmbeddedInfrastructure
class ListenersStartWhenReadyIT {

	@Nested
	class ByDefault extends GreetingsTest {

		@Test
		void theListenerIsNotRunningBeforeTheApplicationIsReadyThenConsumesWithEveryConsumer() throws Exception {
			assertThat(this.started.listenerRunning()).isFalse();

			await().untilAsserted(() -> assertThat(listener().isRunning()).isTrue());
			assertThat(listener().metrics()).hasSize(3);
			String greeting = send();
			await().untilAsserted(() -> assertThat(this.greetings.received()).contains(greeting));
		}

	}

	@Nested
	@TestPropertySource(properties = "spring.kafka.listener.auto-startup=false")
	class WithAutoStartupOff extends GreetingsTest {

		@Test
		void theListenerNeverStarts() throws Exception {
			String greeting = send();

			await().during(Duration.ofSeconds(3))
				.atMost(Duration.ofSeconds(5))
				.until(() -> !listener().isRunning() && this.greetings.received().isEmpty());
			assertThat(this.started.listenerRunning()).isFalse();
			assertThat(this.greetings.received()).doesNotContain(greeting);
		}

	}

	@Nested
	@TestPropertySource(properties = "cartwright.kafka.listeners.start-when-ready=false")
	class WithStartWhenReadyOff extends GreetingsTest {

		@Test
		void theListenerIsRunningBeforeTheApplicationIsReady() throws Exception {
			assertThat(this.started.listenerRunning()).isTrue();

			String greeting = send();
			await().untilAsserted(() -> assertThat(this.greetings.received()).contains(greeting));
		}

	}

	abstract static class GreetingsTest {

		@Autowired
		StartedState started;

		@Autowired
		Greetings greetings;

		@Autowired
		KafkaListenerEndpointRegistry registry;

		@Autowired
		KafkaTemplate<String, String> kafka;

		MessageListenerContainer listener() {
			return this.registry.getListenerContainer(GreetingsApplication.LISTENER);
		}

		String send() throws Exception {
			String greeting = "hello " + UUID.randomUUID();
			this.kafka.send(GreetingsApplication.TOPIC, greeting).get(10, TimeUnit.SECONDS);
			return greeting;
		}

	}

}
