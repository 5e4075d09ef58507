package io.cartwright.order.live;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.cartwright.order.web.ServiceUnavailableException;
import io.cartwright.order.web.TooManyRequestsException;

/**
 * How many streams may be open on this instance: at most {@code maxStreamsPerCustomer}
 * per customer (one more is the customer's fault: 429) and at most {@code maxStreams} in
 * all (one more is this instance's limit: 503, and a client reconnecting through the load
 * balancer may land on another instance). The instance-wide count is what bounds the heap
 * the streams take: each holds about 120 KiB of Tomcat connection state (ADR 0021).
 */
final class StreamQuota {

	private final int maxStreams;

	private final int maxPerCustomer;

	private final Duration retryAfter;

	private final AtomicInteger open = new AtomicInteger();

	private final Map<String, Integer> openPerCustomer = new ConcurrentHashMap<>();

	StreamQuota(int maxStreams, int maxPerCustomer, Duration retryAfter) {
		this.maxStreams = maxStreams;
		this.maxPerCustomer = maxPerCustomer;
		this.retryAfter = retryAfter;
	}

	/**
	 * Takes a place for one more stream of a customer.
	 * @param customerId the customer
	 * @throws ServiceUnavailableException when the instance holds all the streams it may
	 * @throws TooManyRequestsException when the customer holds all the streams they may
	 */
	void reserve(String customerId) {
		if (this.open.incrementAndGet() > this.maxStreams) {
			this.open.decrementAndGet();
			throw new ServiceUnavailableException("streams-at-capacity", "This instance holds its maximum of "
					+ this.maxStreams + " order status streams; reconnect, possibly to another instance.",
					this.retryAfter, null);
		}
		boolean[] refused = { false };
		this.openPerCustomer.compute(customerId, (id, open) -> {
			int now = (open != null) ? open : 0;
			if (now >= this.maxPerCustomer) {
				refused[0] = true;
				return now;
			}
			return now + 1;
		});
		if (refused[0]) {
			this.open.decrementAndGet();
			throw new TooManyRequestsException("too-many-streams",
					"At most " + this.maxPerCustomer + " order status streams may be open at once; close one first.",
					this.retryAfter);
		}
	}

	/**
	 * Gives back the place of a stream that ended (or never opened).
	 * @param customerId the customer whose stream it was
	 */
	void release(String customerId) {
		this.openPerCustomer.computeIfPresent(customerId, (id, open) -> (open > 1) ? open - 1 : null);
		this.open.decrementAndGet();
	}

	/**
	 * The streams open on this instance.
	 * @return the count
	 */
	int open() {
		return this.open.get();
	}

}
