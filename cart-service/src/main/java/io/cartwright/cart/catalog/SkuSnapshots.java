package io.cartwright.cart.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import io.cartwright.cart.pricing.Money;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cart's read model of catalog SKUs and their sellable quantities. Every write keeps
 * the newest news: a product snapshot only replaces one of the same or an older product
 * version, a stock level only one that happened earlier. Statements are conditional, so
 * concurrent writers cannot put an older state back.
 */
@Component
public class SkuSnapshots {

	private static final String COLUMNS = "sku, product_id, product_name, slug, image_url, price_amount, currency, active, product_version";

	/** {@link #COLUMNS} of {@code sku_snapshot s}, for a join. */
	private static final String PREFIXED_COLUMNS = "s." + COLUMNS.replace(", ", ", s.");

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SkuSnapshots(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<SkuSnapshot> find(String sku) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM sku_snapshot WHERE sku = ?")
			.param(sku)
			.query(SkuSnapshots::snapshot)
			.optional();
	}

	/**
	 * An SKU's snapshot with the sellable quantity last heard of, in one statement (and
	 * without a transaction of its own: the add path asks this for every add).
	 * @param sku the SKU
	 * @return the snapshot and stock level, empty when there is no snapshot
	 */
	Optional<LocalSku> findWithStock(String sku) {
		return this.jdbc
			.sql("SELECT " + PREFIXED_COLUMNS + ", k.available FROM sku_snapshot s"
					+ " LEFT JOIN sku_stock k ON k.sku = s.sku WHERE s.sku = ?")
			.param(sku)
			.query((row, n) -> {
				long available = row.getLong("available");
				OptionalLong stock = row.wasNull() ? OptionalLong.empty() : OptionalLong.of(available);
				return new LocalSku(snapshot(row, n), stock);
			})
			.optional();
	}

	/**
	 * Stores a snapshot unless a newer product version is already stored.
	 * @param snapshot the snapshot
	 * @return whether what a cart shows of the SKU changed
	 */
	@Transactional
	public boolean apply(SkuSnapshot snapshot) {
		Optional<SkuSnapshot> stored = find(snapshot.sku());
		if (stored.isPresent() && stored.get().productVersion() > snapshot.productVersion()) {
			return false;
		}
		if (stored.isEmpty() && insert(snapshot)) {
			return false;
		}
		int updated = this.jdbc.sql("""
				UPDATE sku_snapshot SET product_id = :productId, product_name = :name, slug = :slug,
				image_url = :image, price_amount = :amount, currency = :currency, active = :active,
				product_version = :version, updated_at = :now
				WHERE sku = :sku AND product_version <= :version""").params(params(snapshot)).update();
		boolean changed = updated > 0 && (stored.isEmpty() || stored.get().differsForCarts(snapshot));
		if (changed) {
			this.events.publishEvent(new SkusChanged(Set.of(snapshot.sku())));
		}
		return changed;
	}

	/**
	 * Marks SKUs as no longer sellable, unless a newer product version is stored.
	 * @param skus the SKUs
	 * @param productVersion the product version that archived them
	 */
	@Transactional
	public void deactivate(Collection<String> skus, long productVersion) {
		if (skus.isEmpty()) {
			return;
		}
		Set<String> changed = new HashSet<>(this.jdbc
			.sql("SELECT sku FROM sku_snapshot WHERE sku IN (:skus) AND active = TRUE AND product_version <= :version")
			.param("skus", skus)
			.param("version", productVersion)
			.query(String.class)
			.list());
		this.jdbc.sql("""
				UPDATE sku_snapshot SET active = FALSE, product_version = :version, updated_at = :now
				WHERE sku IN (:skus) AND product_version <= :version""")
			.param("skus", skus)
			.param("version", productVersion)
			.param("now", utc(this.clock.instant()))
			.update();
		if (!changed.isEmpty()) {
			this.events.publishEvent(new SkusChanged(changed));
		}
	}

	/**
	 * The SKUs of a product the snapshot has that are not among the given ones: variants
	 * the product no longer has.
	 * @param productId the product
	 * @param current the product's current SKUs
	 * @return the others
	 */
	@Transactional(readOnly = true)
	public List<String> otherSkusOf(UUID productId, Collection<String> current) {
		return this.jdbc.sql("SELECT sku FROM sku_snapshot WHERE product_id = ?")
			.param(productId.toString())
			.query(String.class)
			.list()
			.stream()
			.filter((sku) -> !current.contains(sku))
			.toList();
	}

	/**
	 * Stores a sellable quantity unless a later one is already stored.
	 * @param sku the SKU
	 * @param available the quantity
	 * @param occurredAt when the catalog had that quantity
	 */
	@Transactional
	public void stockLevel(String sku, long available, Instant occurredAt) {
		LocalDateTime at = utc(occurredAt);
		int updated = this.jdbc
			.sql("UPDATE sku_stock SET available = ?, occurred_at = ? WHERE sku = ? AND occurred_at <= ?")
			.params(available, at, sku, at)
			.update();
		if (updated > 0) {
			return;
		}
		try {
			this.jdbc.sql("INSERT INTO sku_stock (sku, available, occurred_at) VALUES (?, ?, ?)")
				.params(sku, available, at)
				.update();
		}
		catch (DuplicateKeyException newerOrConcurrent) {
			// A row exists: it is newer (the conditional update left it), or a concurrent
			// writer just inserted it; apply ours once more only if it is not older.
			this.jdbc.sql("UPDATE sku_stock SET available = ?, occurred_at = ? WHERE sku = ? AND occurred_at <= ?")
				.params(available, at, sku, at)
				.update();
		}
	}

	private boolean insert(SkuSnapshot snapshot) {
		try {
			this.jdbc
				.sql("INSERT INTO sku_snapshot (" + COLUMNS + ", updated_at) VALUES (:sku, :productId, :name,"
						+ " :slug, :image, :amount, :currency, :active, :version, :now)")
				.params(params(snapshot))
				.update();
			return true;
		}
		catch (DuplicateKeyException concurrentInsert) {
			return false;
		}
	}

	private Map<String, Object> params(SkuSnapshot snapshot) {
		Map<String, Object> params = new HashMap<>();
		params.put("sku", snapshot.sku());
		params.put("productId", snapshot.productId().toString());
		params.put("name", snapshot.productName());
		params.put("slug", snapshot.slug());
		params.put("image", snapshot.imageUrl());
		params.put("amount", snapshot.price().amount());
		params.put("currency", snapshot.price().currency());
		params.put("active", snapshot.active());
		params.put("version", snapshot.productVersion());
		params.put("now", utc(this.clock.instant()));
		return params;
	}

	private static SkuSnapshot snapshot(ResultSet row, int n) throws SQLException {
		return new SkuSnapshot(row.getString("sku"), UUID.fromString(row.getString("product_id")),
				row.getString("product_name"), row.getString("slug"), row.getString("image_url"),
				Money.of(row.getLong("price_amount"), row.getString("currency")), row.getBoolean("active"),
				row.getLong("product_version"));
	}

	/** Times are stored as UTC DATETIME(6), whatever the JVM's time zone. */
	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		return row.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
	}

}
