package io.cartwright.catalog.events;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the catalog's events travel ({@code cartwright.catalog.events.*}).
 *
 * @param partitions partitions of the topics the service creates (its own topics and the
 * dead-letter topics of those it consumes)
 * @param replicas replication factor of those topics: 1 locally, 3 on a real cluster
 * @param resubmitInterval how often the outbox looks for publications Kafka never
 * acknowledged
 * @param resubmitOlderThan how old such a publication must be before it is sent again, so
 * that one still in flight is left alone
 */
@ConfigurationProperties("cartwright.catalog.events")
@Validated
public record EventsProperties(@Min(1) @Max(1000) @DefaultValue("3") int partitions,
		@Min(1) @Max(5) @DefaultValue("1") short replicas, @NotNull @DefaultValue("30s") Duration resubmitInterval,
		@NotNull @DefaultValue("1m") Duration resubmitOlderThan) {
}
