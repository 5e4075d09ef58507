package io.cartwright.catalog.stock;

import java.time.Instant;
import java.util.OptionalInt;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The conditional updates that move reserved and sold units. Each is one {@code UPDATE}
 * whose {@code WHERE} clause checks the condition on the row as it is at that moment
 * (under the row lock the update takes), so concurrent reservations can never oversell
 * and never read-then-write. Every update bumps the row's version, so that a staff
 * member's {@code If-Match} notices it.
 */
@Component
class StockCounters {

	private final JdbcClient jdbc;

	StockCounters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Reserves units if that many are available.
	 * @return whether they were reserved
	 */
	boolean reserve(String sku, int quantity, Instant now) {
		return this.jdbc.sql("""
				UPDATE stock SET reserved = reserved + :quantity, version = version + 1, updated_at = :now
				WHERE sku = :sku AND on_hand - reserved >= :quantity""")
			.param("quantity", quantity)
			.param("now", Timestamps.utc(now))
			.param("sku", sku)
			.update() == 1;
	}

	/** Gives reserved units back. */
	void unreserve(String sku, int quantity, Instant now) {
		requireOneRow(this.jdbc.sql("""
				UPDATE stock SET reserved = reserved - :quantity, version = version + 1, updated_at = :now
				WHERE sku = :sku AND reserved >= :quantity""")
			.param("quantity", quantity)
			.param("now", Timestamps.utc(now))
			.param("sku", sku)
			.update(), sku, "unreserve");
	}

	/**
	 * Turns reserved units into a sale: they leave the shelf.
	 * @return the quantity on hand afterwards
	 */
	int sell(String sku, int quantity, Instant now) {
		requireOneRow(this.jdbc.sql("""
				UPDATE stock SET on_hand = on_hand - :quantity, reserved = reserved - :quantity,
				version = version + 1, updated_at = :now
				WHERE sku = :sku AND reserved >= :quantity""")
			.param("quantity", quantity)
			.param("now", Timestamps.utc(now))
			.param("sku", sku)
			.update(), sku, "sell");
		return onHand(sku);
	}

	/**
	 * Puts sold units back on hand.
	 * @return the quantity on hand afterwards
	 */
	int putBack(String sku, int quantity, Instant now) {
		requireOneRow(this.jdbc.sql("""
				UPDATE stock SET on_hand = on_hand + :quantity, version = version + 1, updated_at = :now
				WHERE sku = :sku""")
			.param("quantity", quantity)
			.param("now", Timestamps.utc(now))
			.param("sku", sku)
			.update(), sku, "put back");
		return onHand(sku);
	}

	/**
	 * The available quantity of an SKU; zero without a stock row.
	 */
	int available(String sku) {
		OptionalInt available = this.jdbc.sql("SELECT on_hand - reserved FROM stock WHERE sku = :sku")
			.param("sku", sku)
			.query(Integer.class)
			.optional()
			.map(OptionalInt::of)
			.orElse(OptionalInt.empty());
		return available.orElse(0);
	}

	private int onHand(String sku) {
		return this.jdbc.sql("SELECT on_hand FROM stock WHERE sku = :sku")
			.param("sku", sku)
			.query(Integer.class)
			.single();
	}

	private static void requireOneRow(int updated, String sku, String what) {
		if (updated != 1) {
			// Only a broken invariant gets here: a reservation line always has its units
			// reserved. Failing rolls the whole change back.
			throw new IllegalStateException("Could not %s stock of %s".formatted(what, sku));
		}
	}

}
