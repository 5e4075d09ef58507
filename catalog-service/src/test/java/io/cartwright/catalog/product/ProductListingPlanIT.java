package io.cartwright.catalog.product;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.cartwright.catalog.TestCatalog;
import io.cartwright.catalog.category.CategoryView;
import io.cartwright.infra.test.EmbeddedInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main listing query (a category with its sub-categories, newest first) reads the
 * product table through one of its indexes, on a catalog large enough for the optimizer's
 * choice to mean something.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedInfrastructure
@Import(TestCatalog.class)
class ProductListingPlanIT {

	private static final Logger log = LoggerFactory.getLogger(ProductListingPlanIT.class);

	private static final int CATEGORIES = 40;

	private static final int PRODUCTS_PER_CATEGORY = 100;

	private static final Set<String> PRODUCT_INDEXES = Set.of("ix_product_category", "ix_product_newest",
			"ix_product_price", "ix_product_name");

	@Autowired
	ProductSearch search;

	@Autowired
	TestCatalog catalog;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	JdbcClient jdbc;

	private final List<UUID> categories = new ArrayList<>();

	@BeforeEach
	void seedALargeCatalog() {
		CategoryView root = this.catalog.category("Plan Root");
		this.categories.add(root.id());
		for (int c = 1; c < CATEGORIES; c++) {
			this.categories.add(this.catalog.category("Plan Leaf", (c < 5) ? root.id() : null).id());
		}
		List<Object[]> rows = new ArrayList<>();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		for (UUID category : this.categories) {
			for (int i = 0; i < PRODUCTS_PER_CATEGORY; i++) {
				String suffix = TestCatalog.unique();
				Timestamp created = Timestamp.from(now.minusSeconds(rows.size()));
				rows.add(new Object[] { UUID.randomUUID().toString(), "plan-" + suffix, "Plan product " + suffix,
						"Seeded for the query plan", category.toString(), (i % 10 == 0) ? "ARCHIVED" : "ACTIVE",
						1000 + (i * 37) % 5000, created, created });
			}
		}
		this.jdbcTemplate.batchUpdate("""
				INSERT INTO product (id, slug, name, description, category_id, status, min_price, currency, version,
				  created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, 'EUR', 0, ?, ?)""", rows);
		this.jdbcTemplate.execute("ANALYZE TABLE product");
	}

	@AfterEach
	void removeTheSeededCatalog() {
		List<String> ids = this.categories.stream().map(UUID::toString).toList();
		this.jdbc.sql("DELETE FROM product WHERE category_id IN (:ids)").param("ids", ids).update();
		this.jdbc.sql("DELETE FROM category WHERE parent_id IN (:ids)").param("ids", ids).update();
		this.jdbc.sql("DELETE FROM category WHERE id IN (:ids)").param("ids", ids).update();
	}

	@Test
	void theNewestFirstListingOfACategoryTreeUsesAProductIndex() {
		SearchCriteria criteria = new SearchCriteria(null, this.categories.getFirst().toString(), null, null, false,
				Map.of(), SearchCriteria.Sort.NEWEST, 0, 20);
		ProductSearch.Query query = this.search.pageQuery(criteria);
		List<Map<String, Object>> plan = this.jdbc.sql("EXPLAIN " + query.sql())
			.params(query.params())
			.query()
			.listOfRows();
		log.info("Plan of the listing query: {}", plan);
		Map<String, Object> product = plan.stream()
			.filter((row) -> "p".equals(row.get("table")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No row for the product table in " + plan));
		assertThat(product.get("type")).as("access type in %s", plan).isNotEqualTo("ALL");
		assertThat((String) product.get("key")).as("index in %s", plan).isIn(PRODUCT_INDEXES);
		assertThat(this.search.search(criteria).page().totalElements()).isEqualTo(5 * 90);
	}

	/**
	 * A text search finds its matches once, in a derived table, and joins them: written
	 * as {@code p.id IN (... UNION ...)}, MariaDB ran the full-text search once per
	 * product, for minutes on 100,000 products.
	 */
	@Test
	void aTextSearchFindsItsMatchesOnceAndJoinsThem() {
		SearchCriteria criteria = new SearchCriteria("plan product", null, null, null, false, Map.of(),
				SearchCriteria.Sort.RELEVANCE, 0, 20);
		ProductSearch.Query query = this.search.pageQuery(criteria);
		List<Map<String, Object>> plan = this.jdbc.sql("EXPLAIN " + query.sql())
			.params(query.params())
			.query()
			.listOfRows();
		log.info("Plan of the text search: {}", plan);
		assertThat(plan).as("select types in %s", plan)
			.noneMatch((row) -> String.valueOf(row.get("select_type")).contains("DEPENDENT"));
		assertThat(plan).as("the full-text index in %s", plan)
			.anyMatch((row) -> "t".equals(row.get("table")) && "fulltext".equals(row.get("type")));
		long started = System.nanoTime();
		assertThat(this.search.search(criteria).page().totalElements()).isEqualTo(40 * 90);
		log.info("Text search over {} products took {} ms", 40 * 100, (System.nanoTime() - started) / 1_000_000);
	}

}
