package io.cartwright.catalog.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.UUID;

import io.cartwright.catalog.category.Categories;
import io.cartwright.catalog.category.CategoryRequest;
import io.cartwright.catalog.product.ProductRequest;
import io.cartwright.catalog.product.ProductRequest.PriceRequest;
import io.cartwright.catalog.product.ProductRequest.VariantRequest;
import io.cartwright.catalog.product.ProductStatus;
import io.cartwright.catalog.product.Products;
import io.cartwright.catalog.stock.StockAdministration;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo catalog of {@code demo/catalog.json} when the {@code local} profile (the
 * launcher) or the {@code demo} profile (Docker Compose with
 * {@code CARTWRIGHT_DEMO_CATALOG=true}, or any deployment that adds it) is active:
 * categories and products that are not there yet (by slug) are created through the
 * application services, so that their events are published as for any other write; what
 * exists is left alone, so it can run on every start.
 */
@Component
@Profile({ "local", "demo" })
class DemoCatalogSeeder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCatalogSeeder.class);

	static final String LOCATION = "demo/catalog.json";

	private final Categories categories;

	private final Products products;

	private final StockAdministration stock;

	private final JsonMapper json;

	private final Validator validator;

	DemoCatalogSeeder(Categories categories, Products products, StockAdministration stock, JsonMapper json,
			Validator validator) {
		this.categories = categories;
		this.products = products;
		this.stock = stock;
		this.json = json;
		this.validator = validator;
	}

	@Override
	public void run(ApplicationArguments args) {
		Seeded seeded = seed();
		log.info("Demo catalog: {} categories and {} products created, the rest existed", seeded.categories(),
				seeded.products());
	}

	/**
	 * Creates what is missing of the demo catalog.
	 * @return how many categories and products were created
	 */
	Seeded seed() {
		DemoCatalog catalog = read();
		int categoriesCreated = 0;
		for (DemoCatalog.Category category : catalog.categories()) {
			categoriesCreated += seed(category, null);
		}
		int productsCreated = 0;
		for (DemoCatalog.Product product : catalog.products()) {
			if (!this.products.existsBySlug(product.slug())) {
				this.products.create(valid(request(product, catalog.currency())));
				product.variants().forEach((variant) -> initialStock(variant.sku(), variant.stock()));
				productsCreated++;
			}
		}
		return new Seeded(categoriesCreated, productsCreated);
	}

	private int seed(DemoCatalog.Category category, @Nullable UUID parent) {
		int created = 0;
		UUID id = this.categories.idOf(category.slug()).orElse(null);
		if (id == null) {
			id = this.categories
				.create(valid(new CategoryRequest(parent, category.slug(), category.name(), category.position())))
				.id();
			created++;
		}
		for (DemoCatalog.Category child : category.children()) {
			created += seed(child, id);
		}
		return created;
	}

	private ProductRequest request(DemoCatalog.Product product, String currency) {
		UUID category = this.categories.idOf(product.category())
			.orElseThrow(() -> new IllegalStateException(
					"Demo product " + product.slug() + " names an unknown category " + product.category()));
		return new ProductRequest(product.slug(), product.name(), product.description(), category, product.images(),
				ProductStatus.ACTIVE,
				product.variants()
					.stream()
					.map((v) -> new VariantRequest(v.sku(), v.options(), new PriceRequest(v.price(), currency)))
					.toList());
	}

	/**
	 * Puts the initial units of a demo SKU on hand, unless it has stock already. Plain
	 * SQL so that the demo does not depend on the stock feature's API; replace it with a
	 * call to that feature (which records a stock movement) once it exists.
	 */
	/**
	 * Counted in like any stock, with a movement and a stock event: only new products get
	 * here.
	 */
	private void initialStock(String sku, int quantity) {
		this.stock.set(sku, quantity, "Demo catalog", "demo-seeder", null);
	}

	private <T> T valid(T request) {
		Set<ConstraintViolation<T>> violations = this.validator.validate(request);
		if (!violations.isEmpty()) {
			throw new ConstraintViolationException("Invalid demo data " + request, violations);
		}
		return request;
	}

	private DemoCatalog read() {
		try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
			return this.json.readValue(in, DemoCatalog.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the demo catalog " + LOCATION, ex);
		}
	}

	/**
	 * What one seeding run created.
	 *
	 * @param categories how many categories
	 * @param products how many products
	 */
	record Seeded(int categories, int products) {

	}

}
