package io.cartwright.kafka.listener;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Registers, once the listener containers exist, the dead-letter counter of every topic
 * they consume, at zero: the topics are the listeners' own, so no list of them is kept
 * apart from the {@code @KafkaListener}s.
 */
class DeadLetterCounters implements ApplicationListener<ContextRefreshedEvent> {

	private final KafkaListenerEndpointRegistry listeners;

	private final MeterRegistry meters;

	DeadLetterCounters(KafkaListenerEndpointRegistry listeners, MeterRegistry meters) {
		this.listeners = listeners;
		this.meters = meters;
	}

	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		for (MessageListenerContainer container : this.listeners.getListenerContainers()) {
			String[] topics = container.getContainerProperties().getTopics();
			if (topics != null) {
				for (String topic : topics) {
					DeadLetterMetrics.counter(this.meters, topic);
				}
			}
		}
	}

}
