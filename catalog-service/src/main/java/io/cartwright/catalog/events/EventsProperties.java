package io.cartwright.catalog.events;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the topics the catalog creates are laid out ({@code cartwright.catalog.events.*}).
 *
 * @param partitions partitions of the topics the service creates (its own topics and the
 * dead-letter topics of those it consumes)
 * @param replicas replication factor of those topics: 1 locally, 3 on a real cluster
 */
@ConfigurationProperties("cartwright.catalog.events")
@Validated
public record EventsProperties(@Min(1) @Max(1000) @DefaultValue("3") int partitions,
		@Min(1) @Max(5) @DefaultValue("1") short replicas) {
}
