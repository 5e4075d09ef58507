package io.cartwright.kafka.listener;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the service's {@code @KafkaListener} containers run
 * ({@code cartwright.kafka.listeners.*}).
 *
 * @param startWhenReady whether the containers that would start with the application
 * start only once it is ready, in the background, so that readiness does not wait for
 * their consumers (docs/adr/0025); {@code false} starts them during the context's
 * start-up, as Spring for Apache Kafka does by default
 */
@ConfigurationProperties("cartwright.kafka.listeners")
public record ListenerProperties(@DefaultValue("true") boolean startWhenReady) {
}
