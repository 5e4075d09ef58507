package io.cartwright.catalog.stock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Releases reservations whose order got no answer in time, every
 * {@code cartwright.catalog.reservation-expiry-interval}. Safe to run on several
 * instances at once: each batch claims its reservations with
 * {@code FOR UPDATE SKIP LOCKED} (see {@link StockReservations#releaseExpired}).
 */
@Component
public class ReservationExpiry implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(ReservationExpiry.class);

	private final StockReservations reservations;

	private final ReservationProperties properties;

	ReservationExpiry(StockReservations reservations, ReservationProperties properties) {
		this.reservations = reservations;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::releaseExpired, this.properties.reservationExpiryInterval());
	}

	/**
	 * Releases every reservation that has expired by now, one batch per transaction.
	 * @return how many this call released
	 */
	public int releaseExpired() {
		int batchSize = this.properties.reservationExpiryBatchSize();
		int total = 0;
		int released;
		do {
			released = this.reservations.releaseExpired(Timestamps.now(), batchSize);
			total += released;
		}
		while (released == batchSize);
		if (total > 0) {
			log.info("Released {} expired reservations", total);
		}
		return total;
	}

}
