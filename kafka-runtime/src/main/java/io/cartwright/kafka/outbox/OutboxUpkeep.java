package io.cartwright.kafka.outbox;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * What keeps an outbox moving and visible between restarts: the scheduled resubmission of
 * what Kafka never acknowledged ({@link OutboxResubmission}) and the backlog gauges
 * ({@link OutboxMetrics}). Both run on the service's scheduler, so the service enables
 * scheduling; they apply wherever {@link OutboxExternalizer} does.
 */
@AutoConfiguration
@ConditionalOnClass({ IncompleteEventPublications.class, JdbcClient.class })
@ConditionalOnProperty(name = "spring.modulith.events.externalization.enabled", havingValue = "true",
		matchIfMissing = true)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxUpkeep {

	@Bean
	OutboxResubmission outboxResubmission(IncompleteEventPublications incomplete, OutboxProperties properties) {
		return new OutboxResubmission(incomplete, properties);
	}

	@Bean
	OutboxMetrics outboxMetrics(JdbcClient jdbc, MeterRegistry meters) {
		return new OutboxMetrics(jdbc, meters);
	}

}
