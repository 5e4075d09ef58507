package io.cartwright.order.audit;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the audit trail bounded: events older than the retention
 * ({@code cartwright.audit.retention}, 400 days by default) are deleted in batches. Every
 * instance does it; deleting a row twice is harmless.
 */
@Component
@EnableConfigurationProperties(AuditProperties.class)
class AuditRetention {

	private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

	private final JdbcAuditEventRepository events;

	private final AuditProperties properties;

	private final Clock clock = Clock.systemUTC();

	AuditRetention(JdbcAuditEventRepository events, AuditProperties properties) {
		this.events = events;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${cartwright.audit.purge-interval:1h}", initialDelayString = "1m")
	void purge() {
		Instant cutoff = this.clock.instant().minus(this.properties.retention());
		int deleted;
		int total = 0;
		do {
			deleted = this.events.deleteOlderThan(cutoff, this.properties.purgeBatchSize());
			total += deleted;
		}
		while (deleted == this.properties.purgeBatchSize());
		if (total > 0) {
			log.info("Deleted {} audit events older than {}", total, cutoff);
		}
	}

}
