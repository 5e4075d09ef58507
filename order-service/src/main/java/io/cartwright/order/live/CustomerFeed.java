package io.cartwright.order.live;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives every history entry its position in its customer's feed: a sequence per customer
 * without gaps, in the order the entries became visible, which is what a "my orders"
 * stream resumes from ({@code Last-Event-ID}).
 * <p>
 * A database sequence or auto-increment id would not do: ids are handed out when a row is
 * inserted, not when it commits, so a reader could see id 8 before id 7 commits and,
 * having moved past 7, never send it. So the writers of the history (the saga, the sweep,
 * the customer's and staff's requests) leave the position empty, and this sequencer
 * assigns positions afterwards, only to committed entries, one customer at a time under a
 * lock on the customer's {@code customer_feed} row: positions are contiguous, and each
 * batch commits whole, so a reader always sees a prefix of the feed. An order's entries
 * keep their order (they commit one after another, serialized by the order's row).
 * <p>
 * It runs after each commit that records a status change (on the instance that made it)
 * and, as a safety net for a crash in between, on every poll of every instance. Several
 * instances may run it at once: the row lock serializes them per customer, and an entry
 * that another already sequenced is not touched again.
 */
@Component
class CustomerFeed {

	private static final Logger log = LoggerFactory.getLogger(CustomerFeed.class);

	/** The most customers one sweep looks at. */
	private static final int CUSTOMERS_PER_SWEEP = 200;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	CustomerFeed(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		// Each statement sees what is committed when it starts, also after waiting for
		// the lock: under REPEATABLE READ an earlier snapshot could hide another
		// sequencer's work.
		this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
	}

	/**
	 * Sequences the customer's committed entries that have no position yet.
	 * @param customerId the customer
	 * @return the customer's head position afterwards
	 */
	long sequence(String customerId) {
		Long head = this.transactions.execute((status) -> sequenceInTransaction(customerId));
		return (head != null) ? head : 0;
	}

	/**
	 * Sequences every customer's committed entries that have no position yet.
	 * @return the new head position of each customer whose feed grew
	 */
	Map<String, Long> sequencePending() {
		Map<String, Long> heads = new LinkedHashMap<>();
		List<String> customers = this.jdbc.queryForList("SELECT DISTINCT o.customer_id FROM order_status_change h "
				+ "JOIN orders o ON o.id = h.order_id WHERE h.feed_customer_id IS NULL LIMIT " + CUSTOMERS_PER_SWEEP,
				String.class);
		for (String customer : customers) {
			try {
				heads.put(customer, sequence(customer));
			}
			catch (DataAccessException ex) {
				log.warn("Could not sequence the feed of customer {}: {}", customer, ex.toString());
			}
		}
		return heads;
	}

	private long sequenceInTransaction(String customerId) {
		this.jdbc.update("INSERT INTO customer_feed (customer_id, head_position) VALUES (?, 0) "
				+ "ON DUPLICATE KEY UPDATE head_position = head_position", customerId);
		Long locked = this.jdbc.queryForObject(
				"SELECT head_position FROM customer_feed WHERE customer_id = ? FOR UPDATE", Long.class, customerId);
		long head = (locked != null) ? locked : 0;
		List<Entry> pending = this.jdbc.query(
				"SELECT h.order_id, h.seq FROM order_status_change h JOIN orders o ON o.id = h.order_id "
						+ "WHERE h.feed_customer_id IS NULL AND o.customer_id = ? "
						+ "ORDER BY h.occurred_at, h.order_id, h.seq",
				(rs, row) -> new Entry(UUID.fromString(rs.getString("order_id")), rs.getInt("seq")), customerId);
		List<Entry> batch = inOrderOfEachOrder(pending);
		for (Entry entry : batch) {
			head++;
			int updated = this.jdbc.update(
					"UPDATE order_status_change SET feed_customer_id = ?, feed_position = ? "
							+ "WHERE order_id = ? AND seq = ? AND feed_customer_id IS NULL",
					customerId, head, entry.orderId().toString(), entry.seq());
			if (updated != 1) {
				throw new IllegalStateException("Entry " + entry + " was sequenced concurrently");
			}
		}
		if (!batch.isEmpty()) {
			this.jdbc.update("UPDATE customer_feed SET head_position = ? WHERE customer_id = ?", head, customerId);
			log.debug("Feed of customer {} now at position {}", customerId, head);
		}
		return head;
	}

	/**
	 * Keeps the entries' order by time across orders, but puts each order's entries in
	 * the order of their sequence numbers, whatever the clocks of the instances that
	 * wrote them said.
	 */
	private static List<Entry> inOrderOfEachOrder(List<Entry> byTime) {
		Map<UUID, Deque<Entry>> perOrder = new LinkedHashMap<>();
		byTime.forEach((entry) -> perOrder.computeIfAbsent(entry.orderId(), (id) -> new ArrayDeque<>()).add(entry));
		perOrder.replaceAll((id,
				entries) -> new ArrayDeque<>(entries.stream().sorted(Comparator.comparingInt(Entry::seq)).toList()));
		return byTime.stream().map((entry) -> perOrder.get(entry.orderId()).poll()).toList();
	}

	private record Entry(UUID orderId, int seq) {
	}

}
