package io.cartwright.kafka.listener;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Holds back the listener containers that would start with the application and starts
 * them, off the main thread, once the application is ready.
 * <p>
 * Spring for Apache Kafka starts each container in the context's lifecycle start and
 * waits there until every consumer of it has been created and its thread runs; with three
 * consumers per listener that held order-service's readiness back by 0.5–1 s
 * (docs/adr/0025). A container held back here has {@code autoStartup} off, which
 * {@code KafkaListenerEndpointRegistry} honours during refresh. A container whose
 * {@code autoStartup} was already off ({@code spring.kafka.listener.auto-startup=false},
 * or the listener's own attribute) is left alone and never started. The registry still
 * stops every running container on shutdown, as before.
 * <p>
 * A container that fails to start (a consumer that cannot be created, say) used to fail
 * the start of the application; now the application is already up, so the failure marks
 * it {@link LivenessState#BROKEN broken}, which its liveness probe reports.
 */
class DeferredListenerContainers
		implements ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>>,
		ApplicationListener<ApplicationReadyEvent> {

	private static final Logger log = LoggerFactory.getLogger(DeferredListenerContainers.class);

	private final boolean enabled;

	private final List<MessageListenerContainer> heldBack = new ArrayList<>();

	DeferredListenerContainers(boolean enabled) {
		this.enabled = enabled;
	}

	@Override
	public void configure(ConcurrentMessageListenerContainer<Object, Object> container) {
		if (this.enabled && container.isAutoStartup()) {
			container.setAutoStartup(false);
			synchronized (this.heldBack) {
				this.heldBack.add(container);
			}
		}
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		List<MessageListenerContainer> containers;
		synchronized (this.heldBack) {
			containers = List.copyOf(this.heldBack);
			this.heldBack.clear();
		}
		if (!containers.isEmpty()) {
			new SimpleAsyncTaskExecutor("kafka-listeners-start-")
				.execute(() -> start(containers, event.getApplicationContext()));
		}
	}

	private static void start(List<MessageListenerContainer> containers, ConfigurableApplicationContext context) {
		long began = System.nanoTime();
		List<String> started = new ArrayList<>();
		for (MessageListenerContainer container : containers) {
			if (context.isClosed()) {
				return;
			}
			try {
				container.start();
				started.add(container.getListenerId());
			}
			catch (RuntimeException ex) {
				log.error("Kafka listener container {} did not start", container.getListenerId(), ex);
				AvailabilityChangeEvent.publish(context, LivenessState.BROKEN);
			}
		}
		log.info("Kafka listener containers {} started in {} ms, after the application was ready", started,
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
	}

}
