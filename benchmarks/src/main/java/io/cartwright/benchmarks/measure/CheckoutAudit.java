package io.cartwright.benchmarks.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.Collection;

/**
 * The checks after a checkout load, from order-service's and catalog-service's databases:
 * a fast run that loses, repeats or oversells orders fails. Also where the latency from
 * placing an order to {@code CONFIRMED} is measured: from the order's own history, so the
 * load generator's polling adds nothing to it.
 */
public final class CheckoutAudit {

	private static final Set<String> TERMINAL = Set.of("CONFIRMED", "REJECTED", "PAYMENT_FAILED", "CANCELLED");

	private final Connection orders;

	private final Connection catalog;

	private final Consumer<String> progress;

	/**
	 * An audit over the two schemas.
	 * @param orders a connection to order-service's schema
	 * @param catalog a connection to catalog-service's schema
	 * @param progress where to report progress
	 */
	public CheckoutAudit(Connection orders, Connection catalog, Consumer<String> progress) {
		this.orders = orders;
		this.catalog = catalog;
		this.progress = progress;
	}

	/**
	 * What the audit found.
	 *
	 * @param accepted orders the load generator saw accepted (202), distinct
	 * @param stored orders stored since the load began
	 * @param confirmed orders that reached {@code CONFIRMED}
	 * @param rejected orders refused (out of stock) or whose payment failed
	 * @param lost accepted orders that are not stored
	 * @param notTerminal stored orders still not in a terminal state after the wait
	 * @param duplicated carts ordered and confirmed more than once, plus orders confirmed
	 * or sold more than once
	 * @param oversoldSkus SKUs whose stock taken differs from the quantities confirmed,
	 * or that went negative, or that still hold reserved units
	 * @param placeToConfirmedMillis the latency of every confirmed order, sorted
	 * @param confirmedPerSecond confirmations per second of the load, by second since it
	 * began
	 * @param problems a line per problem found
	 */
	public record Findings(int accepted, int stored, int confirmed, int rejected, int lost, int notTerminal,
			int duplicated, int oversoldSkus, List<Double> placeToConfirmedMillis, List<Integer> confirmedPerSecond,
			List<String> problems) {

		/**
		 * Whether the run was correct.
		 * @return true when nothing was lost, repeated or oversold
		 */
		public boolean passed() {
			return this.problems.isEmpty();
		}

		/**
		 * A percentile of the place → confirmed latency.
		 * @param percent such as 99
		 * @return milliseconds, 0 without confirmed orders
		 */
		public double percentile(double percent) {
			if (this.placeToConfirmedMillis.isEmpty()) {
				return 0;
			}
			int index = (int) Math.ceil(percent / 100.0 * this.placeToConfirmedMillis.size()) - 1;
			return this.placeToConfirmedMillis
				.get(Math.max(0, Math.min(index, this.placeToConfirmedMillis.size() - 1)));
		}

		/**
		 * The mean confirmations per second over a window of the load.
		 * @param fromSecond the first second, counted from the start of the load
		 * @param seconds the window's length
		 * @return orders confirmed per second in that window
		 */
		public double confirmedPerSecond(int fromSecond, int seconds) {
			int total = 0;
			for (int s = fromSecond; s < fromSecond + seconds && s < this.confirmedPerSecond.size(); s++) {
				total += this.confirmedPerSecond.get(s);
			}
			return (seconds > 0) ? (double) total / seconds : 0;
		}

	}

	/**
	 * Waits until every order placed since {@code since} is in a terminal state (or the
	 * wait is over), then checks.
	 * @param acceptedFile the ids of the orders the load generator saw accepted
	 * @param since when the load began
	 * @param stockBefore units on hand of every SKU the load ordered, before it
	 * @param wait the longest wait for the last orders to finish
	 * @return the findings
	 * @throws SQLException when a database refuses
	 */
	public Findings audit(Path acceptedFile, Instant since, Map<String, Integer> stockBefore, Duration wait)
			throws SQLException {
		Set<String> accepted = readAccepted(acceptedFile);
		long deadline = System.nanoTime() + wait.toNanos();
		Map<String, String> status = awaitTerminal(since, deadline);
		List<String> problems = new ArrayList<>();
		int lost = 0;
		for (String id : accepted) {
			if (!status.containsKey(id)) {
				lost++;
			}
		}
		if (lost > 0) {
			problems.add(lost + " accepted orders are not stored");
		}
		int notTerminal = (int) status.values().stream().filter((s) -> !TERMINAL.contains(s)).count();
		if (notTerminal > 0) {
			problems.add(notTerminal + " orders did not reach a terminal state within " + wait.toSeconds() + " s");
		}
		int duplicated = duplicates(since, problems);
		// Orders are final before catalog has applied the last of them (the stock of a
		// confirmed order is committed when catalog consumes OrderConfirmed): wait for
		// the
		// stock to settle too, within what is left of the wait.
		int oversold = settledStock(since, stockBefore, problems, deadline);
		List<Double> latencies = placeToConfirmed(since);
		List<Integer> perSecond = confirmationsPerSecond(since);
		int confirmed = (int) status.values().stream().filter("CONFIRMED"::equals).count();
		int rejected = (int) status.values()
			.stream()
			.filter((s) -> s.equals("REJECTED") || s.equals("PAYMENT_FAILED"))
			.count();
		return new Findings(accepted.size(), status.size(), confirmed, rejected, lost, notTerminal, duplicated,
				oversold, latencies, perSecond, List.copyOf(problems));
	}

	/**
	 * Units on hand once earlier loads have settled (no order in progress, nothing
	 * reserved on these SKUs), to compare with after a load.
	 * @param skus the SKUs the load will order
	 * @param wait the longest to wait for earlier loads to settle
	 * @return units on hand by SKU
	 * @throws SQLException when the database refuses
	 */
	public Map<String, Integer> onHandOnceSettled(Collection<String> skus, Duration wait) throws SQLException {
		long deadline = System.nanoTime() + wait.toNanos();
		while (true) {
			int inProgress = count(this.orders,
					"SELECT COUNT(*) FROM orders WHERE status NOT IN ('" + String.join("', '", TERMINAL) + "')");
			Set<String> reserved = new HashSet<>();
			try (PreparedStatement query = this.catalog.prepareStatement("SELECT sku FROM stock WHERE reserved <> 0");
					ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					reserved.add(rows.getString(1));
				}
			}
			reserved.retainAll(Set.copyOf(skus));
			if ((inProgress == 0 && reserved.isEmpty()) || System.nanoTime() > deadline) {
				return onHand(skus);
			}
			this.progress.accept("waiting for earlier orders to settle: %d in progress, %d SKUs reserved"
				.formatted(inProgress, reserved.size()));
			sleep(Duration.ofSeconds(1));
		}
	}

	private Map<String, Integer> onHand(Collection<String> skus) throws SQLException {
		Map<String, Integer> onHand = new HashMap<>();
		try (PreparedStatement query = this.catalog.prepareStatement("SELECT on_hand FROM stock WHERE sku = ?")) {
			for (String sku : skus) {
				query.setString(1, sku);
				try (ResultSet row = query.executeQuery()) {
					if (row.next()) {
						onHand.put(sku, row.getInt(1));
					}
				}
			}
		}
		return onHand;
	}

	private static Set<String> readAccepted(Path file) {
		try {
			Set<String> ids = new LinkedHashSet<>();
			if (Files.exists(file)) {
				Files.readAllLines(file).stream().map(String::trim).filter((id) -> !id.isEmpty()).forEach(ids::add);
			}
			return ids;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Map<String, String> awaitTerminal(Instant since, long deadline) throws SQLException {
		while (true) {
			Map<String, String> status = new HashMap<>();
			try (PreparedStatement query = this.orders
				.prepareStatement("SELECT id, status FROM orders WHERE placed_at >= ?")) {
				query.setTimestamp(1, Timestamp.from(since));
				try (ResultSet rows = query.executeQuery()) {
					while (rows.next()) {
						status.put(rows.getString(1), rows.getString(2));
					}
				}
			}
			long open = status.values().stream().filter((s) -> !TERMINAL.contains(s)).count();
			if (open == 0 || System.nanoTime() > deadline) {
				return status;
			}
			this.progress.accept(open + " orders still in progress");
			sleep(Duration.ofSeconds(2));
		}
	}

	private int duplicates(Instant since, List<String> problems) throws SQLException {
		int carts = count(this.orders, """
				SELECT COUNT(*) FROM (SELECT cart_id FROM orders WHERE placed_at >= ? AND status = 'CONFIRMED'
				  GROUP BY cart_id HAVING COUNT(*) > 1) twice""", since);
		if (carts > 0) {
			problems.add(carts + " carts were ordered and confirmed more than once");
		}
		int confirmations = count(this.orders, """
				SELECT COUNT(*) FROM (SELECT c.order_id FROM order_status_change c JOIN orders o ON o.id = c.order_id
				  WHERE o.placed_at >= ? AND c.status = 'CONFIRMED' GROUP BY c.order_id HAVING COUNT(*) > 1) twice""",
				since);
		if (confirmations > 0) {
			problems.add(confirmations + " orders were confirmed more than once");
		}
		int sales = count(this.catalog,
				"""
						SELECT COUNT(*) FROM (SELECT order_id, sku FROM stock_movement WHERE reason = 'SALE' AND occurred_at >= ?
						  GROUP BY order_id, sku HAVING COUNT(*) > 1) twice""",
				since);
		if (sales > 0) {
			problems.add(sales + " order lines were taken from stock more than once");
		}
		return carts + confirmations + sales;
	}

	private int settledStock(Instant since, Map<String, Integer> stockBefore, List<String> problems, long deadline)
			throws SQLException {
		while (true) {
			List<String> found = new ArrayList<>();
			int wrong = oversoldSkus(since, stockBefore, found);
			if (wrong == 0 || System.nanoTime() > deadline) {
				problems.addAll(found);
				return wrong;
			}
			this.progress.accept(wrong + " SKUs not settled yet");
			sleep(Duration.ofSeconds(1));
		}
	}

	private int oversoldSkus(Instant since, Map<String, Integer> stockBefore, List<String> problems)
			throws SQLException {
		Map<String, Integer> confirmedQuantity = new HashMap<>();
		try (PreparedStatement query = this.orders.prepareStatement("""
				SELECT l.sku, SUM(l.quantity) FROM order_line l JOIN orders o ON o.id = l.order_id
				WHERE o.placed_at >= ? AND o.status IN ('CONFIRMED', 'SHIPPED', 'DELIVERED') GROUP BY l.sku""")) {
			query.setTimestamp(1, Timestamp.from(since));
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					confirmedQuantity.put(rows.getString(1), rows.getInt(2));
				}
			}
		}
		Set<String> wrong = new HashSet<>();
		for (String sku : confirmedQuantity.keySet()) {
			if (!stockBefore.containsKey(sku)) {
				wrong.add(sku);
				problems.add("SKU " + sku + " was sold but is not one the load ordered");
			}
		}
		try (PreparedStatement query = this.catalog
			.prepareStatement("SELECT on_hand, reserved FROM stock WHERE sku = ?")) {
			for (Map.Entry<String, Integer> before : stockBefore.entrySet()) {
				query.setString(1, before.getKey());
				try (ResultSet row = query.executeQuery()) {
					row.next();
					int onHand = row.getInt(1);
					int reserved = row.getInt(2);
					int taken = before.getValue() - onHand;
					int sold = confirmedQuantity.getOrDefault(before.getKey(), 0);
					if (onHand < 0 || reserved != 0 || taken != sold) {
						wrong.add(before.getKey());
						problems.add("SKU %s: %d taken from stock, %d confirmed, %d on hand, %d still reserved"
							.formatted(before.getKey(), taken, sold, onHand, reserved));
					}
				}
			}
		}
		return wrong.size();
	}

	private List<Double> placeToConfirmed(Instant since) throws SQLException {
		List<Double> millis = new ArrayList<>();
		try (PreparedStatement query = this.orders.prepareStatement("""
				SELECT TIMESTAMPDIFF(MICROSECOND, o.placed_at, c.occurred_at) FROM orders o
				JOIN order_status_change c ON c.order_id = o.id AND c.status = 'CONFIRMED' WHERE o.placed_at >= ?""")) {
			query.setTimestamp(1, Timestamp.from(since));
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					millis.add(rows.getLong(1) / 1000.0);
				}
			}
		}
		Collections.sort(millis);
		return millis;
	}

	private List<Integer> confirmationsPerSecond(Instant since) throws SQLException {
		List<Integer> perSecond = new ArrayList<>();
		try (PreparedStatement query = this.orders.prepareStatement("""
				SELECT FLOOR(TIMESTAMPDIFF(MICROSECOND, ?, c.occurred_at) / 1000000) AS second, COUNT(*)
				FROM order_status_change c JOIN orders o ON o.id = c.order_id
				WHERE o.placed_at >= ? AND c.status = 'CONFIRMED' GROUP BY second ORDER BY second""")) {
			query.setTimestamp(1, Timestamp.from(since));
			query.setTimestamp(2, Timestamp.from(since));
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					int second = rows.getInt(1);
					while (perSecond.size() <= second) {
						perSecond.add(0);
					}
					perSecond.set(second, rows.getInt(2));
				}
			}
		}
		return perSecond;
	}

	private static int count(Connection connection, String sql) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(sql); ResultSet row = query.executeQuery()) {
			row.next();
			return row.getInt(1);
		}
	}

	private static int count(Connection connection, String sql, Instant since) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(sql)) {
			query.setTimestamp(1, Timestamp.from(since));
			try (ResultSet row = query.executeQuery()) {
				row.next();
				return row.getInt(1);
			}
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
