package io.cartwright.kafka.listener;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the service's {@code @KafkaListener} containers run
 * ({@code cartwright.kafka.listeners.*}).
 *
 * @param startWhenReady whether the containers that would start with the application
 * start only once it is ready, in the background, so that readiness does not wait for
 * their consumers (docs/adr/0025); {@code false} starts them during the context's
 * start-up, as Spring for Apache Kafka does by default
 * @param retries how many times a failing incoming event is retried before it goes to the
 * dead-letter topic
 * @param retryInitialInterval the first back-off of a failing incoming event; each next
 * one doubles
 * @param retryMaxInterval the longest back-off of a failing incoming event
 */
@ConfigurationProperties("cartwright.kafka.listeners")
@Validated
public record ListenerProperties(@DefaultValue("true") boolean startWhenReady,
		@Min(0) @Max(20) @DefaultValue("5") int retries, @NotNull @DefaultValue("200ms") Duration retryInitialInterval,
		@NotNull @DefaultValue("10s") Duration retryMaxInterval) {
}
