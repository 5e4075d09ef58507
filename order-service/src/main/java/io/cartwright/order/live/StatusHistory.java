package io.cartwright.order.live;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.cartwright.order.order.OrderStatus;
import io.cartwright.order.pricing.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads of the order history for the streams, straight from MySQL, the one source of
 * truth: an order's entries after a sequence number, a customer's entries after a feed
 * position, and the latest of each to compare open streams with. Every read is a single
 * statement outside a transaction, so it sees a committed prefix of each order's history
 * and of each customer's feed.
 */
@Component
class StatusHistory {

	private static final String TERMINAL = Arrays.stream(OrderStatus.values())
		.filter(OrderStatus::isTerminal)
		.map((status) -> "'" + status.name() + "'")
		.collect(Collectors.joining(", "));

	private static final String ENTRY = """
			SELECT h.order_id, h.seq, h.status, h.occurred_at, h.reason, h.feed_position,
			       o.total_amount, o.currency, o.placed_at,
			       (SELECT COALESCE(SUM(l.quantity), 0) FROM order_line l WHERE l.order_id = h.order_id) AS item_count
			FROM order_status_change h JOIN orders o ON o.id = h.order_id
			""";

	private static final RowMapper<StatusEvent> EVENTS = StatusHistory::event;

	private final NamedParameterJdbcTemplate jdbc;

	StatusHistory(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An order's owner, and how far its history goes.
	 * @param orderId the order
	 * @return the order's head, empty for an unknown order
	 */
	Optional<OrderHead> head(UUID orderId) {
		return this.jdbc
			.query("SELECT o.customer_id, o.status, (SELECT MAX(h.seq) FROM order_status_change h "
					+ "WHERE h.order_id = o.id) AS last_seq FROM orders o WHERE o.id = :id",
					new MapSqlParameterSource("id", orderId.toString()),
					(rs, row) -> new OrderHead(orderId, rs.getString("customer_id"),
							OrderStatus.valueOf(rs.getString("status")), rs.getInt("last_seq") + 1))
			.stream()
			.findFirst();
	}

	/**
	 * An order's entries after a sequence number, oldest first.
	 * @param orderId the order
	 * @param afterSequence the last sequence number the client has
	 * @param limit how many at most
	 * @return the entries
	 */
	List<StatusEvent> ofOrder(UUID orderId, long afterSequence, int limit) {
		return this.jdbc.query(ENTRY + " WHERE h.order_id = :id AND h.seq >= :seq ORDER BY h.seq LIMIT :limit",
				new MapSqlParameterSource("id", orderId.toString()).addValue("seq", afterSequence)
					.addValue("limit", limit),
				EVENTS);
	}

	/**
	 * A customer's entries after a feed position, in feed order.
	 * @param customerId the customer
	 * @param afterPosition the last position the client has
	 * @param limit how many at most
	 * @return the entries
	 */
	List<StatusEvent> ofCustomer(String customerId, long afterPosition, int limit) {
		return this.jdbc.query(
				ENTRY + " WHERE h.feed_customer_id = :customer AND h.feed_position > :position"
						+ " ORDER BY h.feed_position LIMIT :limit",
				new MapSqlParameterSource("customer", customerId).addValue("position", afterPosition)
					.addValue("limit", limit),
				EVENTS);
	}

	/**
	 * The customer's open orders as they were at a feed position: each order's latest
	 * entry up to that position, unless it is terminal; most recently placed first.
	 * @param customerId the customer
	 * @param position the feed position
	 * @param limit how many orders at most
	 * @return the entries
	 */
	List<StatusEvent> openOrdersAt(String customerId, long position, int limit) {
		return this.jdbc.query("""
				SELECT latest.*, (SELECT COALESCE(SUM(l.quantity), 0) FROM order_line l
				                  WHERE l.order_id = latest.order_id) AS item_count
				FROM (SELECT h.order_id, h.seq, h.status, h.occurred_at, h.reason, h.feed_position,
				             o.total_amount, o.currency, o.placed_at,
				             ROW_NUMBER() OVER (PARTITION BY h.order_id ORDER BY h.seq DESC) AS newest
				      FROM order_status_change h JOIN orders o ON o.id = h.order_id
				      WHERE h.feed_customer_id = :customer AND h.feed_position <= :position) latest
				WHERE latest.newest = 1 AND latest.status NOT IN (%s)
				ORDER BY latest.placed_at DESC, latest.order_id LIMIT :limit
				""".formatted(TERMINAL),
				new MapSqlParameterSource("customer", customerId).addValue("position", position)
					.addValue("limit", limit),
				EVENTS);
	}

	/**
	 * How far the history of each order goes.
	 * @param orderIds the orders
	 * @return the latest sequence number per order that has any
	 */
	Map<UUID, Long> latestSequences(Collection<UUID> orderIds) {
		Map<UUID, Long> latest = new HashMap<>();
		if (!orderIds.isEmpty()) {
			this.jdbc.query(
					"SELECT order_id, MAX(seq) AS last_seq FROM order_status_change WHERE order_id IN (:ids) "
							+ "GROUP BY order_id",
					new MapSqlParameterSource("ids", orderIds.stream().map(UUID::toString).toList()),
					(ResultSet rs) -> {
						latest.put(UUID.fromString(rs.getString("order_id")), rs.getLong("last_seq") + 1);
					});
		}
		return latest;
	}

	/**
	 * How far each customer's feed goes.
	 * @param customerIds the customers
	 * @return the head position per customer that has a feed
	 */
	Map<String, Long> headPositions(Collection<String> customerIds) {
		Map<String, Long> heads = new HashMap<>();
		if (!customerIds.isEmpty()) {
			this.jdbc.query("SELECT customer_id, head_position FROM customer_feed WHERE customer_id IN (:ids)",
					new MapSqlParameterSource("ids", customerIds), (ResultSet rs) -> {
						heads.put(rs.getString("customer_id"), rs.getLong("head_position"));
					});
		}
		return heads;
	}

	private static StatusEvent event(ResultSet rs, int row) throws SQLException {
		UUID orderId = UUID.fromString(rs.getString("order_id"));
		OrderStatus status = OrderStatus.valueOf(rs.getString("status"));
		long amount = rs.getLong("total_amount");
		Money total = rs.wasNull() ? null : new Money(amount, rs.getString("currency"));
		long position = rs.getLong("feed_position");
		Long feedPosition = rs.wasNull() ? null : position;
		return new StatusEvent(orderId, rs.getInt("seq") + 1, feedPosition, status, status.isTerminal(),
				rs.getString("reason"), instant(rs, "occurred_at"),
				new StatusEvent.Summary(orderId, total, rs.getInt("item_count"), instant(rs, "placed_at")));
	}

	/** DATETIME(6) columns hold UTC (hibernate.jdbc.time_zone), read without any zone. */
	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
	}

	/**
	 * An order as a stream starts from it.
	 *
	 * @param orderId the order
	 * @param customerId its owner
	 * @param status its status now
	 * @param lastSequence the sequence number of its latest history entry
	 */
	record OrderHead(UUID orderId, String customerId, OrderStatus status, long lastSequence) {

		boolean isOwnedBy(@Nullable String customer) {
			return this.customerId.equals(customer);
		}

	}

}
