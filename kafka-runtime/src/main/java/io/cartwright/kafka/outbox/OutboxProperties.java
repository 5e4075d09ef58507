package io.cartwright.kafka.outbox;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the outbox resends what Kafka never acknowledged
 * ({@code cartwright.kafka.outbox.*}).
 *
 * @param resubmitInterval how often the outbox looks for publications Kafka never
 * acknowledged
 * @param resubmitOlderThan how old such a publication must be before it is sent again, so
 * that one still in flight is left alone
 */
@ConfigurationProperties("cartwright.kafka.outbox")
@Validated
public record OutboxProperties(@NotNull @DefaultValue("30s") Duration resubmitInterval,
		@NotNull @DefaultValue("1m") Duration resubmitOlderThan) {
}
