package io.cartwright.cart.cart;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expires guest carts nobody touched for {@code cartwright.cart.guest-cart-ttl} and
 * deletes them (with merged guest carts of the same age). Every instance runs it: each
 * step is one bounded, conditional statement that the database applies atomically, so
 * concurrent runs, and a customer touching a cart at the same moment, cannot conflict (a
 * cart touched meanwhile no longer matches the condition).
 */
@Component
class GuestCartExpiry {

	private static final Logger log = LoggerFactory.getLogger(GuestCartExpiry.class);

	private final Carts carts;

	private final CartProperties properties;

	private final Clock clock;

	GuestCartExpiry(Carts carts, CartProperties properties, Clock clock) {
		this.carts = carts;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${cartwright.cart.purge-interval}",
			initialDelayString = "${cartwright.cart.purge-interval}")
	void scheduled() {
		purge();
	}

	/**
	 * Runs one purge.
	 * @return how many carts were deleted
	 */
	int purge() {
		Instant cutoff = this.clock.instant().minus(this.properties.guestCartTtl());
		int batch = this.properties.purgeBatchSize();
		int expired = 0;
		int step;
		do {
			step = this.carts.expireGuestCarts(cutoff, batch);
			expired += step;
		}
		while (step == batch);
		int purged = 0;
		do {
			step = this.carts.purgeGuestCarts(cutoff, batch);
			purged += step;
		}
		while (step == batch);
		if (expired > 0 || purged > 0) {
			log.info("Expired {} and purged {} guest carts untouched since {}", expired, purged, cutoff);
		}
		return purged;
	}

}
