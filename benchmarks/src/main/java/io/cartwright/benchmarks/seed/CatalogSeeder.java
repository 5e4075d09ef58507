package io.cartwright.benchmarks.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Writes a large catalog straight into catalog-service's schema with batched multi-row
 * inserts: a category tree, products with three variants (sizes) each, an image, stock
 * per SKU. (The full-text index stays: MariaDB 11.4 leaves a full-text index re-created
 * after a bulk load empty.) This bypasses the application (no events, no audit): it
 * stands for a catalog import, and nothing downstream needs to hear about products before
 * they are bought.
 * <p>
 * The catalog is deterministic for a given size: names are made of a few word lists, so
 * every word of {@link #WORDS} matches many products and searches have realistic result
 * counts.
 */
public final class CatalogSeeder {

	/** Words that make up product names; every one is a useful search term. */
	static final List<String> WORDS = List.of("merino", "linen", "canvas", "leather", "denim", "cotton", "wool",
			"cashmere", "silk", "velvet", "corduroy", "tweed", "fleece", "suede", "bamboo", "hemp");

	private static final List<String> KINDS = List.of("sweater", "shirt", "jacket", "trousers", "scarf", "cap", "socks",
			"dress", "coat", "shorts", "boots", "bag", "belt", "gloves", "vest", "hoodie");

	private static final List<String> COLOURS = List.of("black", "white", "navy", "olive", "sand", "rust", "grey",
			"teal");

	private static final List<String> SIZES = List.of("S", "M", "L");

	private static final int BATCH = 2_000;

	private final Connection connection;

	private final Connection cart;

	private final Consumer<String> progress;

	/**
	 * A seeder on open connections to the catalog's and the cart's schemas.
	 * @param connection the catalog schema (with {@code rewriteBatchedStatements=true})
	 * @param cart cart-service's schema, whose read model of SKUs and stock is filled as
	 * the catalog's events would have filled it
	 * @param progress where to report progress
	 */
	public CatalogSeeder(Connection connection, Connection cart, Consumer<String> progress) {
		this.connection = connection;
		this.cart = cart;
		this.progress = progress;
	}

	/**
	 * What to seed.
	 *
	 * @param products the number of products
	 * @param topCategories top-level categories, each with {@code subCategories}
	 * @param subCategories leaf categories per top-level one
	 * @param stockPerSku units on hand of an ordinary SKU
	 * @param checkoutSkus SKUs with {@code checkoutStock} units, for the checkout
	 * scenarios
	 * @param checkoutStock units on hand of a checkout SKU
	 * @param scarceSkus SKUs with only {@code scarceStock} units that checkout also
	 * orders, so that some orders are refused and overselling would show
	 * @param scarceStock units on hand of a scarce SKU
	 */
	public record Plan(int products, int topCategories, int subCategories, int stockPerSku, int checkoutSkus,
			int checkoutStock, int scarceSkus, int scarceStock) {

		/** 100,000 products and 300,000 SKUs in 10 × 10 categories. */
		public static Plan large() {
			return new Plan(100_000, 10, 10, 100, 2_000, 1_000, 20, 3);
		}

	}

	/**
	 * What was seeded, for the scenarios and the checks after them.
	 *
	 * @param products how many products
	 * @param skus how many SKUs
	 * @param categories how many categories
	 * @param took how long the load took
	 * @param stockBefore units on hand of every checkout and scarce SKU when seeded
	 */
	public record Seeded(int products, int skus, int categories, Duration took, Map<String, Integer> stockBefore) {
	}

	/**
	 * Seeds the catalog and writes {@code products.csv}, {@code categories.csv} and
	 * {@code checkout-skus.csv} into {@code dataDir} for the simulations.
	 * @param plan the size
	 * @param dataDir where the CSV files go
	 * @return what was seeded
	 * @throws SQLException when the database refuses
	 */
	public Seeded seed(Plan plan, Path dataDir) throws SQLException {
		long begin = System.nanoTime();
		SplittableRandom random = new SplittableRandom(42);
		Instant now = Instant.now();
		this.connection.setAutoCommit(false);
		this.cart.setAutoCommit(false);
		try (Statement session = this.connection.createStatement()) {
			session.execute("SET SESSION foreign_key_checks = 0");
			session.execute("SET SESSION unique_checks = 0");
		}
		List<String[]> leaves = seedCategories(plan, now, dataDir);
		this.progress.accept("%d categories".formatted(plan.topCategories() * (1 + plan.subCategories())));
		Map<String, Integer> stockBefore = new java.util.HashMap<>();
		try (Writer products = Files.newBufferedWriter(dataDir.resolve("products.csv"));
				Writer checkout = Files.newBufferedWriter(dataDir.resolve("checkout-skus.csv"));
				PreparedStatement product = this.connection.prepareStatement("""
						INSERT INTO product (id, slug, name, description, category_id, status, min_price, currency,
						  version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?, 'EUR', 0, ?, ?)""");
				PreparedStatement image = this.connection
					.prepareStatement("INSERT INTO product_image (product_id, position, url) VALUES (?, 0, ?)");
				PreparedStatement variant = this.connection.prepareStatement("""
						INSERT INTO variant (sku, product_id, position, price_amount, currency, status)
						VALUES (?, ?, ?, ?, 'EUR', 'ACTIVE')""");
				PreparedStatement option = this.connection.prepareStatement(
						"INSERT INTO variant_option (sku, option_name, option_value) VALUES (?, 'size', ?)");
				PreparedStatement stock = this.connection.prepareStatement(
						"INSERT INTO stock (sku, on_hand, reserved, version, updated_at) VALUES (?, ?, 0, 0, ?)");
				PreparedStatement snapshot = this.cart.prepareStatement(
						"""
								INSERT INTO sku_snapshot (sku, product_id, product_name, slug, image_url, price_amount, currency,
								  active, product_version, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'EUR', TRUE, 0, ?)""");
				PreparedStatement sellable = this.cart
					.prepareStatement("INSERT INTO sku_stock (sku, available, occurred_at) VALUES (?, ?, ?)")) {
			products.write("id,slug,sku,word,category\n");
			checkout.write("sku\n");
			int checkoutLeft = plan.checkoutSkus();
			int scarceLeft = plan.scarceSkus();
			for (int n = 0; n < plan.products(); n++) {
				String id = new UUID(random.nextLong(), random.nextLong()).toString();
				String material = WORDS.get(random.nextInt(WORDS.size()));
				String kind = KINDS.get(random.nextInt(KINDS.size()));
				String colour = COLOURS.get(random.nextInt(COLOURS.size()));
				String name = "%s %s %s %d".formatted(capitalized(material), kind, colour, n);
				String slug = "%s-%s-%s-%d".formatted(material, kind, colour, n);
				String[] leaf = leaves.get(random.nextInt(leaves.size()));
				long price = 500 + random.nextInt(200) * 100L;
				Timestamp created = Timestamp.from(now.minusSeconds(plan.products() - n));
				product.setString(1, id);
				product.setString(2, slug);
				product.setString(3, name);
				product.setString(4, "A %s %s in %s, made to last. Item %d of the benchmark catalog."
					.formatted(material, kind, colour, n));
				product.setString(5, leaf[0]);
				product.setLong(6, price);
				product.setTimestamp(7, created);
				product.setTimestamp(8, created);
				product.addBatch();
				image.setString(1, id);
				image.setString(2, "https://images.cartwright.example/" + slug + ".jpg");
				image.addBatch();
				String firstSku = null;
				for (int v = 0; v < SIZES.size(); v++) {
					String sku = "BN-%06d-%s".formatted(n, SIZES.get(v));
					firstSku = (firstSku != null) ? firstSku : sku;
					variant.setString(1, sku);
					variant.setString(2, id);
					variant.setInt(3, v);
					variant.setLong(4, price + v * 100L);
					variant.addBatch();
					option.setString(1, sku);
					option.setString(2, SIZES.get(v));
					option.addBatch();
					int onHand = plan.stockPerSku();
					if (v == 1 && n % 7 == 0 && checkoutLeft > 0) {
						onHand = plan.checkoutStock();
						checkoutLeft--;
						checkout.write(sku + "\n");
						stockBefore.put(sku, onHand);
					}
					else if (v == 2 && n % 11 == 0 && scarceLeft > 0) {
						onHand = plan.scarceStock();
						scarceLeft--;
						checkout.write(sku + "\n");
						stockBefore.put(sku, onHand);
					}
					stock.setString(1, sku);
					stock.setInt(2, onHand);
					stock.setTimestamp(3, Timestamp.from(now));
					stock.addBatch();
					snapshot.setString(1, sku);
					snapshot.setString(2, id);
					snapshot.setString(3, name);
					snapshot.setString(4, slug);
					snapshot.setString(5, "https://images.cartwright.example/" + slug + ".jpg");
					snapshot.setLong(6, price + v * 100L);
					snapshot.setTimestamp(7, Timestamp.from(now));
					snapshot.addBatch();
					sellable.setString(1, sku);
					sellable.setInt(2, onHand);
					sellable.setTimestamp(3, Timestamp.from(now));
					sellable.addBatch();
				}
				products.write("%s,%s,%s,%s,%s%n".formatted(id, slug, firstSku, material, leaf[1]));
				if ((n + 1) % BATCH == 0 || n == plan.products() - 1) {
					product.executeBatch();
					image.executeBatch();
					variant.executeBatch();
					option.executeBatch();
					stock.executeBatch();
					snapshot.executeBatch();
					sellable.executeBatch();
					this.connection.commit();
					this.cart.commit();
				}
				if ((n + 1) % 20_000 == 0) {
					this.progress.accept("%,d products".formatted(n + 1));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try (Statement session = this.connection.createStatement()) {
			session.execute("ANALYZE TABLE product, variant, stock, variant_option");
			session.execute("SET SESSION foreign_key_checks = 1");
			session.execute("SET SESSION unique_checks = 1");
		}
		this.connection.commit();
		this.connection.setAutoCommit(true);
		this.cart.setAutoCommit(true);
		return new Seeded(plan.products(), plan.products() * SIZES.size(),
				plan.topCategories() * (1 + plan.subCategories()), Duration.ofNanos(System.nanoTime() - begin),
				Map.copyOf(stockBefore));
	}

	/** Returns the leaf categories as {id, slug}; writes both levels to the CSV. */
	private List<String[]> seedCategories(Plan plan, Instant now, Path dataDir) throws SQLException {
		List<String[]> leaves = new ArrayList<>();
		try (Writer csv = Files.newBufferedWriter(dataDir.resolve("categories.csv"));
				PreparedStatement insert = this.connection.prepareStatement("""
						INSERT INTO category (id, parent_id, slug, name, position, version, created_at, updated_at)
						VALUES (?, ?, ?, ?, ?, 0, ?, ?)""")) {
			Timestamp at = Timestamp.from(now);
			csv.write("category\n");
			for (int top = 0; top < plan.topCategories(); top++) {
				String topId = UUID.nameUUIDFromBytes(("bench-top-" + top).getBytes()).toString();
				add(insert, topId, null, "bench-%02d".formatted(top), "Department %d".formatted(top), top, at);
				csv.write("bench-%02d%n".formatted(top));
				for (int sub = 0; sub < plan.subCategories(); sub++) {
					String id = UUID.nameUUIDFromBytes(("bench-sub-" + top + "-" + sub).getBytes()).toString();
					String slug = "bench-%02d-%02d".formatted(top, sub);
					add(insert, id, topId, slug, "Aisle %d.%d".formatted(top, sub), sub, at);
					leaves.add(new String[] { id, slug });
					csv.write(slug + "\n");
				}
			}
			insert.executeBatch();
			this.connection.commit();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return leaves;
	}

	private static void add(PreparedStatement insert, String id, String parent, String slug, String name, int position,
			Timestamp at) throws SQLException {
		insert.setString(1, id);
		insert.setString(2, parent);
		insert.setString(3, slug);
		insert.setString(4, name);
		insert.setInt(5, position);
		insert.setTimestamp(6, at);
		insert.setTimestamp(7, at);
		insert.addBatch();
	}

	private static String capitalized(String word) {
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

}
