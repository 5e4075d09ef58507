package io.cartwright.kafka.listener;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Starts the {@code @KafkaListener} containers once the application is ready instead of
 * during its start-up ({@link DeferredListenerContainers}). Boot applies the
 * {@code ContainerCustomizer} bean to its listener container factory; it takes only one,
 * so a service that needs another customizer must fold it into this one rather than
 * declare a second (Boot would then fail at start, not silently drop one).
 */
@AutoConfiguration
@ConditionalOnClass(ConcurrentMessageListenerContainer.class)
@EnableConfigurationProperties(ListenerProperties.class)
public class ListenerContainersStartWhenReady {

	@Bean
	DeferredListenerContainers deferredListenerContainers(ListenerProperties properties) {
		return new DeferredListenerContainers(properties.startWhenReady());
	}

}
