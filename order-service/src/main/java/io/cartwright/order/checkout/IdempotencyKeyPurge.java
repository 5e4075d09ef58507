package io.cartwright.order.checkout;

import io.cartwright.order.idempotency.IdempotencyKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes idempotency keys past their 24 hours, every hour, on every instance. */
@Component
class IdempotencyKeyPurge {

	private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurge.class);

	private final IdempotencyKeys keys;

	IdempotencyKeyPurge(IdempotencyKeys keys) {
		this.keys = keys;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	void purge() {
		int purged = this.keys.purgeExpired();
		if (purged > 0) {
			log.info("Purged {} expired idempotency keys", purged);
		}
	}

}
