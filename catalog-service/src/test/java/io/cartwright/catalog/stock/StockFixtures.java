package io.cartwright.catalog.stock;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts the catalog rows stock tests need (category → product → variant → stock) with
 * plain SQL and unique ids, since the schema is shared by every test of the JVM.
 */
public final class StockFixtures {

	private final JdbcTemplate jdbc;

	public StockFixtures(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** An active variant of an active product, priced 19.99 EUR, with no stock row. */
	public String sellableVariant() {
		return variant(1999, "EUR", "ACTIVE", "ACTIVE");
	}

	/** A sellable variant with the given quantity on hand. */
	public String sellableVariantWithStock(int onHand) {
		String sku = sellableVariant();
		stock(sku, onHand, 0);
		return sku;
	}

	public String variant(long priceAmount, String currency, String productStatus, String variantStatus) {
		String unique = UUID.randomUUID().toString();
		String categoryId = UUID.randomUUID().toString();
		String productId = UUID.randomUUID().toString();
		String sku = "SKU-" + unique.substring(0, 18);
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		this.jdbc.update(
				"INSERT INTO category (id, slug, name, position, version, created_at, updated_at) VALUES (?, ?, ?, 0, 0, ?, ?)",
				categoryId, "cat-" + unique, "Category " + unique, now, now);
		this.jdbc.update("""
				INSERT INTO product (id, slug, name, description, category_id, status, min_price, currency, version,
				created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""", productId, "p-" + unique,
				"Product " + sku, "A product for tests", categoryId, productStatus, priceAmount, currency, now, now);
		this.jdbc.update(
				"INSERT INTO variant (sku, product_id, position, price_amount, currency, status) VALUES (?, ?, 0, ?, ?, ?)",
				sku, productId, priceAmount, currency, variantStatus);
		return sku;
	}

	public void stock(String sku, int onHand, int reserved) {
		this.jdbc.update("INSERT INTO stock (sku, on_hand, reserved, version, updated_at) VALUES (?, ?, ?, 0, ?)", sku,
				onHand, reserved, LocalDateTime.now(ZoneOffset.UTC));
	}

	public int onHand(String sku) {
		return this.jdbc.queryForObject("SELECT on_hand FROM stock WHERE sku = ?", Integer.class, sku);
	}

	public int reserved(String sku) {
		return this.jdbc.queryForObject("SELECT reserved FROM stock WHERE sku = ?", Integer.class, sku);
	}

	public String reservationStatus(UUID orderId) {
		return this.jdbc
			.queryForList("SELECT status FROM reservation WHERE order_id = ?", String.class, orderId.toString())
			.stream()
			.findFirst()
			.orElse(null);
	}

	public int reservationLines(UUID orderId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM reservation_line WHERE order_id = ?", Integer.class,
				orderId.toString());
	}

	public void expire(UUID orderId) {
		this.jdbc.update("UPDATE reservation SET expires_at = ? WHERE order_id = ?",
				LocalDateTime.now(ZoneOffset.UTC).minusSeconds(60), orderId.toString());
	}

}
