package io.cartwright.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.cartwright.catalog.category.Categories;
import io.cartwright.catalog.category.CategoryRequest;
import io.cartwright.catalog.category.CategoryView;
import io.cartwright.catalog.product.ProductDetails;
import io.cartwright.catalog.product.ProductRequest;
import io.cartwright.catalog.product.ProductRequest.PriceRequest;
import io.cartwright.catalog.product.ProductRequest.VariantRequest;
import io.cartwright.catalog.product.ProductStatus;
import io.cartwright.catalog.product.Products;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Test data made through the application services, with unique slugs and SKUs: the schema
 * is shared by every test class of the JVM. Import it into a test with
 * {@code @Import(TestCatalog.class)}.
 */
@Component
public class TestCatalog {

	private final Categories categories;

	private final Products products;

	private final JdbcClient jdbc;

	public TestCatalog(Categories categories, Products products, JdbcClient jdbc) {
		this.categories = categories;
		this.products = products;
		this.jdbc = jdbc;
	}

	/** A random suffix for slugs and SKUs. */
	public static String unique() {
		return Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36);
	}

	public CategoryView category(String name, UUID parent) {
		String slug = name.toLowerCase().replace(' ', '-') + "-" + unique();
		return this.categories.create(new CategoryRequest(parent, slug, name, 0));
	}

	public CategoryView category(String name) {
		return category(name, null);
	}

	/**
	 * An active product with one variant per price, each with a {@code size} option when
	 * several.
	 */
	public ProductDetails product(UUID category, String name, String description, long... prices) {
		return this.products.create(request(category, name, description, ProductStatus.ACTIVE, prices));
	}

	/** Gives every variant of an active product a new price, as a staff update would. */
	public ProductDetails reprice(ProductDetails product, long price) {
		List<VariantRequest> variants = product.variants()
			.stream()
			.map((variant) -> new VariantRequest(variant.sku(), variant.options(), new PriceRequest(price, "EUR")))
			.toList();
		return this.products.update(product.id(), null, new ProductRequest(product.slug(), product.name(),
				product.description(), product.categoryId(), product.images(), ProductStatus.ACTIVE, variants));
	}

	/** A product in draft, with one variant. */
	public ProductDetails draft(UUID category, String name, long price) {
		return this.products.create(request(category, name, "Not published yet", ProductStatus.DRAFT, price));
	}

	public static ProductRequest request(UUID category, String name, String description, ProductStatus status,
			long... prices) {
		String suffix = unique();
		List<String> sizes = List.of("S", "M", "L", "XL", "XXL");
		List<VariantRequest> variants = new ArrayList<>();
		for (int i = 0; i < prices.length; i++) {
			Map<String, String> options = (prices.length == 1) ? Map.of() : Map.of("size", sizes.get(i));
			variants.add(new VariantRequest("SKU-" + suffix + "-" + i, options, new PriceRequest(prices[i], "EUR")));
		}
		return new ProductRequest(name.toLowerCase().replace(' ', '-') + "-" + suffix, name, description, category,
				List.of("https://img.example.com/" + suffix + ".jpg"), status, variants);
	}

	/** Puts units on hand for a SKU, as the stock feature would. */
	public void stock(String sku, int onHand, int reserved) {
		this.jdbc.sql("""
				INSERT INTO stock (sku, on_hand, reserved, version, updated_at)
				VALUES (?, ?, ?, 0, UTC_TIMESTAMP(6))""").params(sku, onHand, reserved).update();
	}

}
