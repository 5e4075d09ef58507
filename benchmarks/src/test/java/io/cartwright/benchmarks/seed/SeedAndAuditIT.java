package io.cartwright.benchmarks.seed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cartwright.benchmarks.measure.CheckoutAudit;
import io.cartwright.infra.EmbeddedMariaDb;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeder and the checkout audit on catalog-, cart- and order-service's real schemas,
 * migrated from their own Flyway scripts: a schema change that breaks the suite fails
 * here, in the build, not in a benchmark run.
 */
class SeedAndAuditIT {

	static EmbeddedMariaDb mariaDb;

	@TempDir
	static Path data;

	@BeforeAll
	static void schemas(@TempDir Path dir) {
		mariaDb = EmbeddedMariaDb.builder().dataDir(dir.resolve("mariadb")).start();
		Path home = Path.of(System.getProperty("cartwright.home", ".."));
		for (String[] service : List.of(new String[] { "catalog", "catalog-service" },
				new String[] { "cart", "cart-service" }, new String[] { "orders", "order-service" })) {
			mariaDb.createDatabaseWithUser(service[0], service[0], "secret-" + service[0]);
			Flyway.configure()
				.dataSource(mariaDb.jdbcUrl(service[0]), service[0], "secret-" + service[0])
				.locations("filesystem:" + home.resolve(service[1]).resolve("src/main/resources/db/migration"))
				.load()
				.migrate();
		}
	}

	@AfterAll
	static void stop() {
		mariaDb.close();
	}

	static Connection connect(String schema) throws SQLException {
		return DriverManager.getConnection(
				mariaDb.jdbcUrl(schema)
						+ "?rewriteBatchedStatements=true&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true",
				schema, "secret-" + schema);
	}

	@Test
	void seedsTheCatalogAndCartsReadModelAndTheAuditTellsARightRunFromAWrongOne() throws Exception {
		CatalogSeeder.Seeded seeded;
		try (Connection catalog = connect("catalog"); Connection cart = connect("cart")) {
			seeded = new CatalogSeeder(catalog, cart, (line) -> {
			}).seed(new CatalogSeeder.Plan(700, 2, 3, 100, 20, 1_000, 3, 3), data);
		}
		assertThat(seeded.products()).isEqualTo(700);
		assertThat(seeded.skus()).isEqualTo(2_100);
		assertThat(count("catalog", "SELECT COUNT(*) FROM variant")).isEqualTo(2_100);
		assertThat(count("catalog", "SELECT COUNT(*) FROM category")).isEqualTo(8);
		assertThat(count("catalog",
				"SELECT COUNT(*) FROM product WHERE MATCH (name, description) AGAINST "
						+ "('+merino*' IN BOOLEAN MODE)"))
			.as("the full-text index holds every product")
			.isPositive()
			.isEqualTo(count("catalog", "SELECT COUNT(*) FROM product WHERE name LIKE 'Merino %'"));
		assertThat(count("cart", "SELECT COUNT(*) FROM sku_snapshot")).isEqualTo(2_100);
		assertThat(count("cart", "SELECT COUNT(*) FROM sku_stock")).isEqualTo(2_100);
		assertThat(Files.readAllLines(data.resolve("products.csv"))).hasSize(701)
			.first()
			.isEqualTo("id,slug,sku,word,category");
		List<String> skus = Files.readAllLines(data.resolve("checkout-skus.csv")).stream().skip(1).toList();
		assertThat(skus).hasSize(23).containsAll(seeded.stockBefore().keySet());

		String sku = skus.get(0);
		Instant since = Instant.now().minusSeconds(1);
		Path accepted = Files.writeString(data.resolve("accepted.txt"), "");
		try (Connection orders = connect("orders"); Connection catalog = connect("catalog")) {
			CheckoutAudit audit = new CheckoutAudit(orders, catalog, (line) -> {
			});
			Map<String, Integer> before = new HashMap<>(audit.onHandOnceSettled(skus, Duration.ofSeconds(10)));
			String sold = order(orders, sku, "CONFIRMED");
			execute(catalog, "UPDATE stock SET on_hand = on_hand - 1 WHERE sku = '" + sku + "'");
			execute(catalog, "INSERT INTO stock_movement (sku, delta, on_hand_after, reason, actor, order_id, "
					+ "occurred_at) VALUES ('" + sku + "', -1, 999, 'SALE', 'test', '" + sold + "', UTC_TIMESTAMP(6))");
			Files.writeString(accepted, sold + "\n");
			CheckoutAudit.Findings right = audit.audit(accepted, since, before, Duration.ofSeconds(5));
			assertThat(right.problems()).isEmpty();
			assertThat(right.confirmed()).isOne();
			assertThat(right.placeToConfirmedMillis()).hasSize(1);

			String oversold = order(orders, sku, "CONFIRMED");
			String lost = UUID.randomUUID().toString();
			Files.writeString(accepted, sold + "\n" + oversold + "\n" + lost + "\n");
			CheckoutAudit.Findings wrong = audit.audit(accepted, since, before, Duration.ofSeconds(5));
			assertThat(wrong.passed()).isFalse();
			assertThat(wrong.lost()).isOne();
			assertThat(wrong.oversoldSkus()).isOne();
			assertThat(wrong.problems()).anyMatch((problem) -> problem.contains("1 taken from stock, 2 confirmed"));
		}
	}

	private static String order(Connection orders, String sku, String status) throws SQLException {
		String id = UUID.randomUUID().toString();
		execute(orders,
				"""
						INSERT INTO orders (id, customer_id, cart_id, status, ship_name, ship_line1, ship_postal_code, ship_city,
						  ship_country, payment_method, placed_at, deadline, updated_at, version)
						VALUES ('%s', 'c', '%s', '%s', 'Ada', '1 Way', '10115', 'Berlin', 'DE', 'tok_visa',
						  UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) + INTERVAL 1 HOUR, UTC_TIMESTAMP(6), 0)"""
					.formatted(id, UUID.randomUUID(), status));
		execute(orders, "INSERT INTO order_line (order_id, position, sku, quantity) VALUES ('%s', 0, '%s', 1)"
			.formatted(id, sku));
		execute(orders, ("INSERT INTO order_status_change (order_id, seq, status, occurred_at) VALUES ('%s', 0, "
				+ "'%s', UTC_TIMESTAMP(6) + INTERVAL 0.25 SECOND)")
			.formatted(id, status));
		return id;
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static long count(String schema, String sql) throws SQLException {
		try (Connection connection = connect(schema);
				Statement statement = connection.createStatement();
				var row = statement.executeQuery(sql)) {
			row.next();
			return row.getLong(1);
		}
	}

}
