package io.cartwright.catalog.product;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import io.cartwright.catalog.category.Categories;
import io.cartwright.catalog.audit.AuditTrail;
import io.cartwright.catalog.config.CacheEvictions;
import io.cartwright.catalog.web.ConflictException;
import io.cartwright.catalog.web.ResourceNotFoundException;
import io.cartwright.catalog.web.UnprocessableException;
import io.cartwright.catalog.web.Versions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff changes to products. Each change is one transaction that saves the product,
 * publishes its event (stored by Spring Modulith's publication registry in the same
 * transaction, relayed to Kafka after commit), records it in the audit trail with the
 * product before and after, and evicts its cache entries after commit.
 */
@Service
public class Products {

	private static final Logger log = LoggerFactory.getLogger(Products.class);

	/** The entity type of products in the audit trail. */
	static final String ENTITY = "product";

	private final ProductRepository products;

	private final Categories categories;

	private final ApplicationEventPublisher events;

	private final CacheEvictions evictions;

	private final AuditTrail audit;

	Products(ProductRepository products, Categories categories, ApplicationEventPublisher events,
			CacheEvictions evictions, AuditTrail audit) {
		this.products = products;
		this.categories = categories;
		this.events = events;
		this.evictions = evictions;
		this.audit = audit;
	}

	/**
	 * Tells whether a product with this slug exists.
	 * @param slug the slug
	 * @return whether it exists
	 */
	@Transactional(readOnly = true)
	public boolean existsBySlug(String slug) {
		return this.products.existsBySlug(slug);
	}

	/**
	 * Creates a product with its variants and publishes {@code ProductCreated}.
	 * @param request the product
	 * @return the new product
	 */
	@Transactional
	public ProductDetails create(ProductRequest request) {
		requireCategory(request.categoryId());
		if (this.products.existsBySlug(request.slug())) {
			throw duplicateSlug(request.slug());
		}
		List<VariantSpec> variants = request.variantSpecs();
		requireFreeSkus(variants, UUID.randomUUID());
		Product product = Product.create(request.details(), variants, request.statusOrDraft());
		save(product);
		this.events.publishEvent(ProductEvents.created(product));
		evict(product, null);
		ProductDetails created = ProductDetails.of(product);
		this.audit.record("PRODUCT_CREATED", ENTITY, product.getId(), null, created);
		log.info("Product {} created as {} with {} variants", product.getId(), product.getSlug(), variants.size());
		return created;
	}

	/**
	 * Replaces a product's fields and variants and publishes {@code ProductUpdated}.
	 * @param id the product
	 * @param ifMatch the client's {@code If-Match}, or {@code null}
	 * @param request what it is to be
	 * @return the changed product
	 */
	@Transactional
	public ProductDetails update(UUID id, @Nullable String ifMatch, ProductRequest request) {
		Product product = load(id, ifMatch);
		ProductDetails before = ProductDetails.of(product);
		String oldSlug = product.getSlug();
		if (!product.getCategoryId().equals(request.categoryId())) {
			requireCategory(request.categoryId());
		}
		if (!oldSlug.equals(request.slug()) && this.products.existsBySlugAndIdNot(request.slug(), id)) {
			throw duplicateSlug(request.slug());
		}
		List<VariantSpec> variants = request.variantSpecs();
		requireFreeSkus(variants, id);
		product.update(request.details(), variants);
		save(product);
		this.events.publishEvent(ProductEvents.updated(product));
		evict(product, oldSlug);
		ProductDetails after = ProductDetails.of(product);
		this.audit.record("PRODUCT_UPDATED", ENTITY, id, before, after);
		return after;
	}

	/**
	 * Puts a product on sale and publishes {@code ProductUpdated}.
	 * @param id the product
	 * @param ifMatch the client's {@code If-Match}, or {@code null}
	 * @return the product
	 */
	@Transactional
	public ProductDetails activate(UUID id, @Nullable String ifMatch) {
		return change(id, ifMatch, "PRODUCT_ACTIVATED", Product::activate);
	}

	/**
	 * Stops selling one variant and publishes {@code ProductUpdated}.
	 * @param id the product
	 * @param sku the variant
	 * @param ifMatch the client's {@code If-Match}, or {@code null}
	 * @return the product
	 */
	@Transactional
	public ProductDetails archiveVariant(UUID id, String sku, @Nullable String ifMatch) {
		return change(id, ifMatch, "VARIANT_ARCHIVED", (product) -> product.archiveVariant(sku));
	}

	/**
	 * Takes a product off sale and publishes {@code ProductArchived}.
	 * @param id the product
	 * @param ifMatch the client's {@code If-Match}, or {@code null}
	 * @return the product
	 */
	@Transactional
	public ProductDetails archive(UUID id, @Nullable String ifMatch) {
		Product product = load(id, ifMatch);
		ProductDetails before = ProductDetails.of(product);
		product.archive();
		save(product);
		this.events.publishEvent(ProductEvents.archived(product));
		evict(product, null);
		ProductDetails after = ProductDetails.of(product);
		this.audit.record("PRODUCT_ARCHIVED", ENTITY, id, before, after);
		log.info("Product {} archived", id);
		return after;
	}

	private ProductDetails change(UUID id, @Nullable String ifMatch, String action, Consumer<Product> change) {
		Product product = load(id, ifMatch);
		ProductDetails before = ProductDetails.of(product);
		change.accept(product);
		save(product);
		this.events.publishEvent(ProductEvents.updated(product));
		evict(product, null);
		ProductDetails after = ProductDetails.of(product);
		this.audit.record(action, ENTITY, id, before, after);
		return after;
	}

	private Product load(UUID id, @Nullable String ifMatch) {
		Product product = this.products.findById(id).orElseThrow(() -> new ResourceNotFoundException("product", id));
		Versions.requireMatch("product", ifMatch, product.getVersion());
		return product;
	}

	// Flushing makes the new version visible for the event, and turns a slug or SKU taken
	// by a concurrent write into a conflict here rather than at commit.
	private void save(Product product) {
		try {
			this.products.saveAndFlush(product);
		}
		catch (DataIntegrityViolationException ex) {
			throw new ConflictException("duplicate", "The slug or a SKU of product " + product.getId()
					+ " was taken by another product at the same time");
		}
	}

	private void evict(Product product, @Nullable String oldSlug) {
		this.evictions.evictAfterCommit(ProductQueries.BY_ID, product.getId());
		this.evictions.clearAfterCommit(ProductSearch.PAGES);
		this.evictions.evictAfterCommit(ProductQueries.BY_SLUG, product.getSlug());
		if (oldSlug != null && !oldSlug.equals(product.getSlug())) {
			this.evictions.evictAfterCommit(ProductQueries.BY_SLUG, oldSlug);
		}
	}

	private void requireCategory(UUID categoryId) {
		if (!this.categories.exists(categoryId)) {
			throw new UnprocessableException("unknown-category", "There is no category " + categoryId);
		}
	}

	private void requireFreeSkus(List<VariantSpec> variants, UUID productId) {
		List<String> taken = this.products.skusOfOtherProducts(variants.stream().map(VariantSpec::sku).toList(),
				productId);
		if (!taken.isEmpty()) {
			throw new ConflictException("duplicate-sku", "SKUs already used by other products: " + taken);
		}
	}

	private static ConflictException duplicateSlug(String slug) {
		return new ConflictException("duplicate-slug", "A product with slug '" + slug + "' already exists");
	}

}
