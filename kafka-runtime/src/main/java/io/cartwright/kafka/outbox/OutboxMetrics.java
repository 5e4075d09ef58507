package io.cartwright.kafka.outbox;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * How far the outbox is behind: {@code cartwright.outbox.pending}, the events stored but
 * not yet acknowledged by Kafka, and {@code cartwright.outbox.oldest.age}, how long the
 * oldest of them has waited (zero when none). Read from Modulith's
 * {@code event_publication} every {@value #REFRESH_SECONDS} seconds rather than on each
 * scrape, so a slow or unreachable database never holds up {@code /actuator/prometheus};
 * until the first successful read, and while the database cannot be read, the gauges show
 * NaN.
 */
public class OutboxMetrics implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);

	private static final long REFRESH_SECONDS = 15;

	private final JdbcClient jdbc;

	private volatile double pending = Double.NaN;

	private volatile double oldestAgeSeconds = Double.NaN;

	OutboxMetrics(JdbcClient jdbc, MeterRegistry meters) {
		this.jdbc = jdbc;
		Gauge.builder("cartwright.outbox.pending", this, (metrics) -> metrics.pending)
			.description("Outbox events stored and not yet acknowledged by Kafka")
			.register(meters);
		TimeGauge.builder("cartwright.outbox.oldest.age", this, TimeUnit.SECONDS, (metrics) -> metrics.oldestAgeSeconds)
			.description("How long the oldest unacknowledged outbox event has waited")
			.register(meters);
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::refresh, Duration.ofSeconds(REFRESH_SECONDS));
	}

	/**
	 * Reads the outbox's backlog now; the schedule calls this, and a test may too.
	 */
	public void refresh() {
		try {
			// The age is computed by the database in UTC, the zone Modulith's timestamps
			// are written in (hibernate.jdbc.time_zone).
			this.jdbc
				.sql("SELECT COUNT(*) AS pending, COALESCE(TIMESTAMPDIFF(MICROSECOND, MIN(publication_date), "
						+ "UTC_TIMESTAMP(6)), 0) AS oldest FROM event_publication WHERE completion_date IS NULL")
				.query((row) -> {
					this.pending = row.getLong("pending");
					this.oldestAgeSeconds = Math.max(0, row.getLong("oldest")) / 1_000_000.0;
				});
		}
		catch (DataAccessException ex) {
			this.pending = Double.NaN;
			this.oldestAgeSeconds = Double.NaN;
			log.warn("Outbox metrics not refreshed: {}", ex.getMessage());
		}
	}

}
