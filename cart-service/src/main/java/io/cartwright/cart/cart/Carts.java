package io.cartwright.cart.cart;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.cartwright.cart.catalog.SkuSnapshot;
import io.cartwright.cart.pricing.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Carts and their lines in MySQL. Every change of a cart happens inside a transaction
 * that first locks the cart's row ({@link #lock}), so concurrent requests to one cart are
 * applied one after the other and never lose an update; each change raises the cart's
 * version, which is its ETag.
 */
@Repository
class Carts {

	private static final String HEADER = "SELECT id, customer_id, status, version, created_at, updated_at FROM cart";

	private static final String LINE_COLUMNS = "sku, quantity, added_unit_price, currency, added_at";

	private final JdbcClient jdbc;

	Carts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A cart's header (without lines), read without locking.
	 * @param id the cart
	 * @return the header, if the cart exists
	 */
	Optional<CartHeader> header(UUID id) {
		return this.jdbc.sql(HEADER + " WHERE id = ?").param(id.toString()).query(Carts::header).optional();
	}

	/**
	 * Loads a cart with its lines and locks it until the transaction ends.
	 * @param id the cart
	 * @return the cart, if it exists
	 */
	Optional<Cart> lock(UUID id) {
		return lockAll(List.of(id)).stream().findFirst();
	}

	/**
	 * Loads and locks several carts, always in the order of their ids so that two
	 * transactions locking the same carts cannot deadlock.
	 * @param ids the carts
	 * @return the carts that exist
	 */
	List<Cart> lockAll(Collection<UUID> ids) {
		List<String> keys = ids.stream().map(UUID::toString).toList();
		List<CartHeader> headers = this.jdbc.sql(HEADER + " WHERE id IN (:ids) ORDER BY id FOR UPDATE")
			.param("ids", keys)
			.query(Carts::header)
			.list();
		if (headers.isEmpty()) {
			return List.of();
		}
		// The lines of all of them in one plain (not locking) read: the carts' row locks
		// already keep every other writer away from them.
		Map<String, List<CartLine>> lines = new HashMap<>();
		RowCallbackHandler byCart = (row) -> lines.computeIfAbsent(row.getString("cart_id"), (id) -> new ArrayList<>())
			.add(line(row));
		this.jdbc
			.sql("SELECT cart_id, " + LINE_COLUMNS + " FROM cart_line WHERE cart_id IN (:ids) ORDER BY added_at, sku")
			.param("ids", keys)
			.query(byCart);
		return headers.stream()
			.map((header) -> new Cart(header.id(), header.customerId(), header.status(), header.version(),
					lines.getOrDefault(header.id().toString(), List.of())))
			.toList();
	}

	List<CartLine> lines(UUID cartId) {
		return this.jdbc.sql("SELECT " + LINE_COLUMNS + " FROM cart_line WHERE cart_id = ? ORDER BY added_at, sku")
			.param(cartId.toString())
			.query((row, n) -> line(row))
			.list();
	}

	/**
	 * A cart with its lines and what the read model knows of their SKUs, in one query,
	 * read without locking.
	 * @param id the cart
	 * @return the cart, if it exists
	 */
	Optional<CartContents> contents(UUID id) {
		List<CartHeader> header = new ArrayList<>(1);
		List<CartContents.Line> lines = new ArrayList<>();
		RowCallbackHandler collect = (row) -> {
			if (header.isEmpty()) {
				header.add(header(row, 0));
			}
			// A cart without lines is one row without a line.
			if (row.getString("sku") != null) {
				lines.add(new CartContents.Line(line(row), snapshot(row)));
			}
		};
		this.jdbc.sql("""
				SELECT c.id, c.customer_id, c.status, c.version, c.created_at, c.updated_at,
				l.sku, l.quantity, l.added_unit_price, l.currency, l.added_at,
				s.product_id, s.product_name, s.slug, s.image_url, s.price_amount, s.currency AS price_currency,
				s.active, s.product_version
				FROM cart c
				LEFT JOIN cart_line l ON l.cart_id = c.id
				LEFT JOIN sku_snapshot s ON s.sku = l.sku
				WHERE c.id = ?
				ORDER BY l.added_at, l.sku""").param(id.toString()).query(collect);
		return header.stream().findFirst().map((found) -> new CartContents(found, List.copyOf(lines)));
	}

	void createGuestCart(UUID id, Instant now) {
		insert(id, null, now);
	}

	Optional<UUID> activeCartOf(String customerId) {
		return this.jdbc.sql("SELECT id FROM cart WHERE active_customer_id = ?")
			.param(customerId)
			.query(String.class)
			.optional()
			.map(UUID::fromString);
	}

	/**
	 * Creates a customer's active cart unless one exists (another request may be creating
	 * it right now: the unique index on {@code active_customer_id} lets only one win).
	 * @param customerId the customer
	 * @param candidateId the id to use when creating
	 * @param now the time
	 * @return the id of the customer's active cart
	 */
	UUID activeCartOrCreate(String customerId, UUID candidateId, Instant now) {
		Optional<UUID> existing = activeCartOf(customerId);
		if (existing.isPresent()) {
			return existing.get();
		}
		try {
			insert(candidateId, customerId, now);
			return candidateId;
		}
		catch (DuplicateKeyException createdConcurrently) {
			return activeCartOf(customerId).orElseThrow(() -> createdConcurrently);
		}
	}

	void saveLine(UUID cartId, CartLine line, boolean isNew) {
		if (isNew) {
			this.jdbc
				.sql("INSERT INTO cart_line (cart_id, sku, quantity, added_unit_price, currency, added_at)"
						+ " VALUES (?, ?, ?, ?, ?, ?)")
				.params(cartId.toString(), line.sku(), line.quantity(), line.addedUnitPrice().amount(),
						line.addedUnitPrice().currency(), utc(line.addedAt()))
				.update();
			return;
		}
		this.jdbc
			.sql("UPDATE cart_line SET quantity = ?, added_unit_price = ?, currency = ?, added_at = ?"
					+ " WHERE cart_id = ? AND sku = ?")
			.params(line.quantity(), line.addedUnitPrice().amount(), line.addedUnitPrice().currency(),
					utc(line.addedAt()), cartId.toString(), line.sku())
			.update();
	}

	void deleteLine(UUID cartId, String sku) {
		this.jdbc.sql("DELETE FROM cart_line WHERE cart_id = ? AND sku = ?").params(cartId.toString(), sku).update();
	}

	void deleteLines(UUID cartId) {
		this.jdbc.sql("DELETE FROM cart_line WHERE cart_id = ?").param(cartId.toString()).update();
	}

	/** Records that a locked cart changed: a new version and time. */
	void touch(UUID cartId, Instant now) {
		this.jdbc.sql("UPDATE cart SET version = version + 1, updated_at = ? WHERE id = ?")
			.params(utc(now), cartId.toString())
			.update();
	}

	void markMerged(UUID guestCartId, UUID into, Instant now) {
		this.jdbc
			.sql("UPDATE cart SET status = 'MERGED', merged_into = ?, version = version + 1, updated_at = ?"
					+ " WHERE id = ? AND status = 'ACTIVE'")
			.params(into.toString(), utc(now), guestCartId.toString())
			.update();
	}

	/**
	 * Marks a cart checked out, if it is still active; its customer's next cart is a new
	 * one.
	 * @return whether the cart changed
	 */
	boolean checkOut(UUID cartId, Instant now) {
		return this.jdbc.sql("""
				UPDATE cart SET status = 'CHECKED_OUT', active_customer_id = NULL, version = version + 1,
				updated_at = ? WHERE id = ? AND status = 'ACTIVE'""").params(utc(now), cartId.toString()).update() > 0;
	}

	/**
	 * Raises the version of every cart holding one of the SKUs, so that their ETags and
	 * cached views change with the catalog. Reads the cart ids first (without locks) and
	 * then updates only cart rows, taking row locks in id order like every other writer.
	 */
	void touchCartsHolding(Collection<String> skus) {
		List<String> ids = this.jdbc.sql("SELECT DISTINCT cart_id FROM cart_line WHERE sku IN (:skus) ORDER BY cart_id")
			.param("skus", skus)
			.query(String.class)
			.list();
		if (!ids.isEmpty()) {
			this.jdbc.sql("UPDATE cart SET version = version + 1 WHERE id IN (:ids)").param("ids", ids).update();
		}
	}

	/**
	 * Expires active guest carts untouched since the cutoff, at most {@code limit} rows.
	 * @return how many
	 */
	int expireGuestCarts(Instant cutoff, int limit) {
		return this.jdbc.sql("""
				UPDATE cart SET status = 'EXPIRED', version = version + 1
				WHERE customer_id IS NULL AND status = 'ACTIVE' AND updated_at < ? LIMIT ?""")
			.params(utc(cutoff), limit)
			.update();
	}

	/**
	 * Deletes retired (expired or merged) guest carts untouched since the cutoff, with
	 * their lines, at most {@code limit} rows.
	 * @return how many
	 */
	int purgeGuestCarts(Instant cutoff, int limit) {
		return this.jdbc.sql("""
				DELETE FROM cart WHERE customer_id IS NULL AND status IN ('EXPIRED', 'MERGED') AND updated_at < ?
				LIMIT ?""").params(utc(cutoff), limit).update();
	}

	private void insert(UUID id, @Nullable String customerId, Instant now) {
		this.jdbc
			.sql("INSERT INTO cart (id, customer_id, active_customer_id, status, version, created_at, updated_at)"
					+ " VALUES (?, ?, ?, 'ACTIVE', 0, ?, ?)")
			.params(id.toString(), customerId, customerId, utc(now), utc(now))
			.update();
	}

	private static CartLine line(ResultSet row) throws SQLException {
		return new CartLine(row.getString("sku"), row.getInt("quantity"),
				Money.of(row.getLong("added_unit_price"), row.getString("currency")), instant(row, "added_at"));
	}

	/** The SKU's snapshot joined to a line, null when the read model has none. */
	private static @Nullable SkuSnapshot snapshot(ResultSet row) throws SQLException {
		String productId = row.getString("product_id");
		if (productId == null) {
			return null;
		}
		return new SkuSnapshot(row.getString("sku"), UUID.fromString(productId), row.getString("product_name"),
				row.getString("slug"), row.getString("image_url"),
				Money.of(row.getLong("price_amount"), row.getString("price_currency")), row.getBoolean("active"),
				row.getLong("product_version"));
	}

	private static CartHeader header(ResultSet row, int n) throws SQLException {
		return new CartHeader(UUID.fromString(row.getString("id")), row.getString("customer_id"),
				CartStatus.valueOf(row.getString("status")), row.getLong("version"), instant(row, "created_at"),
				instant(row, "updated_at"));
	}

	/** Times are stored as UTC DATETIME(6), whatever the JVM's time zone. */
	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		return row.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
	}

}
