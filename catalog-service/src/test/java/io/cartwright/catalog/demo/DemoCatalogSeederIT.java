package io.cartwright.catalog.demo;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import io.cartwright.events.ProductCreated;
import io.cartwright.infra.test.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code local} profile seeds the demo catalog at start, and seeding again adds
 * nothing.
 */
@SpringBootTest
@EmbeddedInfrastructure
@ActiveProfiles("local")
@RecordApplicationEvents
class DemoCatalogSeederIT {

	@Autowired
	DemoCatalogSeeder seeder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	ApplicationEvents events;

	@Test
	void seedsTheWholeDemoCatalogOnceAtStart() throws Exception {
		DemoCatalog catalog = demoCatalog();
		List<String> categorySlugs = new ArrayList<>();
		catalog.categories().forEach((category) -> collect(category, categorySlugs));
		List<String> productSlugs = catalog.products().stream().map(DemoCatalog.Product::slug).toList();
		List<String> skus = catalog.products()
			.stream()
			.flatMap((product) -> product.variants().stream())
			.map(DemoCatalog.Variant::sku)
			.toList();
		assertThat(categorySlugs).hasSizeBetween(8, 12);
		assertThat(productSlugs).hasSizeGreaterThanOrEqualTo(100);
		assertThat(count("category", "slug", categorySlugs)).isEqualTo(categorySlugs.size());
		assertThat(count("product", "slug", productSlugs)).isEqualTo(productSlugs.size());
		assertThat(count("variant", "sku", skus)).isEqualTo(skus.size());
		assertThat(count("stock", "sku", skus)).isEqualTo(skus.size());

		assertThat(this.seeder.seed()).isEqualTo(new DemoCatalogSeeder.Seeded(0, 0));

		assertThat(count("category", "slug", categorySlugs)).isEqualTo(categorySlugs.size());
		assertThat(count("product", "slug", productSlugs)).isEqualTo(productSlugs.size());
		assertThat(count("stock", "sku", skus)).isEqualTo(skus.size());
		assertThat(this.events.stream(ProductCreated.class)).isEmpty();
	}

	@Test
	void seedsProductsWithVariantsThatCanBeFound() {
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM product p WHERE p.slug = 'merino-sweater'
				AND (SELECT COUNT(*) FROM variant v WHERE v.product_id = p.id) = 4""").query(Long.class).single())
			.isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT currency FROM product WHERE slug = 'merino-sweater'")
			.query(String.class)
			.single()).isEqualTo("EUR");
	}

	private long count(String table, String column, List<String> values) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " IN (:values)")
			.param("values", values)
			.query(Long.class)
			.single();
	}

	private static void collect(DemoCatalog.Category category, List<String> slugs) {
		slugs.add(category.slug());
		category.children().forEach((child) -> collect(child, slugs));
	}

	private DemoCatalog demoCatalog() throws Exception {
		try (InputStream in = new ClassPathResource(DemoCatalogSeeder.LOCATION).getInputStream()) {
			return this.json.readValue(in, DemoCatalog.class);
		}
	}

}
