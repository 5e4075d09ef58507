package io.cartwright.order.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How a status change reaches the streams. After the transaction that recorded it
 * commits, on the instance that made it: this instance's streams of the order are woken,
 * the change is published on Redis for the other instances, the customer's feed is
 * sequenced, and the customer's streams here and elsewhere are woken too. Independently,
 * every {@code poll-interval}, each instance sequences whatever was left unsequenced and
 * compares each of its open streams with MySQL: the path that needs no Redis at all.
 */
@Component
class StatusChanges implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(StatusChanges.class);

	/** The most ids one poll query asks about. */
	private static final int CHUNK = 500;

	private final StatusStreams streams;

	private final StatusFanout fanout;

	private final CustomerFeed feed;

	private final StatusHistory history;

	private final LiveStatusProperties properties;

	StatusChanges(StatusStreams streams, StatusFanout fanout, CustomerFeed feed, StatusHistory history,
			LiveStatusProperties properties) {
		this.streams = streams;
		this.fanout = fanout;
		this.feed = feed;
		this.history = history;
		this.properties = properties;
	}

	/**
	 * An order's history grew in the current transaction: tell the streams once it has
	 * committed (never if it rolls back).
	 * @param orderId the order
	 * @param customerId its customer
	 * @param sequence the sequence number of its newest entry
	 */
	void recorded(UUID orderId, String customerId, long sequence) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.streams.execute(() -> committed(orderId, customerId, sequence));
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				// Never throws: the change is committed, and its caller must not think
				// otherwise.
				StatusChanges.this.streams.execute(() -> committed(orderId, customerId, sequence));
			}
		});
	}

	private void committed(UUID orderId, String customerId, long sequence) {
		try {
			announce(orderId, customerId, sequence);
		}
		catch (RuntimeException ex) {
			log.warn("Could not announce a change of order {}; the poll will: {}", orderId, ex.toString());
		}
	}

	private void announce(UUID orderId, String customerId, long sequence) {
		this.streams.orderChanged(orderId, sequence);
		this.fanout.orderChanged(orderId, sequence);
		long head;
		try {
			head = this.feed.sequence(customerId);
		}
		catch (DataAccessException ex) {
			log.warn("Could not sequence the feed of customer {}; the next poll will: {}", customerId, ex.toString());
			return;
		}
		this.streams.customerChanged(customerId, head);
		this.fanout.customerChanged(customerId, head);
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::poll, this.properties.pollInterval());
	}

	/** Catches what no message announced: unsequenced entries, streams left behind. */
	void poll() {
		try {
			Map<String, Long> grown = this.feed.sequencePending();
			grown.forEach((customer, head) -> {
				this.streams.customerChanged(customer, head);
				this.fanout.customerChanged(customer, head);
			});
			for (List<UUID> orders : chunks(new ArrayList<>(this.streams.followedOrders()))) {
				this.history.latestSequences(orders).forEach(this.streams::orderChanged);
			}
			for (List<String> customers : chunks(new ArrayList<>(this.streams.followedCustomers()))) {
				this.history.headPositions(customers).forEach(this.streams::customerChanged);
			}
		}
		catch (DataAccessException ex) {
			log.warn("Could not compare the open order status streams with the database: {}", ex.toString());
		}
	}

	private static <T> List<List<T>> chunks(List<T> all) {
		List<List<T>> chunks = new ArrayList<>();
		for (int i = 0; i < all.size(); i += CHUNK) {
			chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
		}
		return chunks;
	}

}
