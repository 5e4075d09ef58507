package io.cartwright.order.events;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the topics the order service creates are laid out
 * ({@code cartwright.order.events.*}).
 *
 * @param partitions partitions of the topics the service creates (its own topic and the
 * dead-letter topic of the one it consumes)
 * @param replicas replication factor of those topics: 1 locally, 3 on a real cluster
 */
@ConfigurationProperties("cartwright.order.events")
@Validated
public record EventsProperties(@Min(1) @Max(1000) @DefaultValue("3") int partitions,
		@Min(1) @Max(5) @DefaultValue("1") short replicas) {
}
