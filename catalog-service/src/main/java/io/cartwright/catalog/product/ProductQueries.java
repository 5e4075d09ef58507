package io.cartwright.catalog.product;

import java.util.UUID;

import io.cartwright.catalog.web.ResourceNotFoundException;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single-product reads, cached in Redis by id and by slug. Whether the caller may see a
 * product (drafts are for staff only) is decided by the caller, on the cached state.
 */
@Service
public class ProductQueries {

	/** Products by id. */
	public static final String BY_ID = "product-by-id";

	/** Products by slug. */
	public static final String BY_SLUG = "product-by-slug";

	private final ProductRepository products;

	ProductQueries(ProductRepository products) {
		this.products = products;
	}

	/**
	 * A product by id.
	 * @param id its id
	 * @return the product, from the cache when it is there
	 * @throws ResourceNotFoundException when there is none
	 */
	@Cacheable(cacheNames = BY_ID, key = "#id")
	@Transactional(readOnly = true)
	public ProductDetails byId(UUID id) {
		return this.products.findById(id)
			.map(ProductDetails::of)
			.orElseThrow(() -> new ResourceNotFoundException("product", id));
	}

	/**
	 * A product by slug.
	 * @param slug its slug
	 * @return the product, from the cache when it is there
	 * @throws ResourceNotFoundException when there is none
	 */
	@Cacheable(cacheNames = BY_SLUG, key = "#slug")
	@Transactional(readOnly = true)
	public ProductDetails bySlug(String slug) {
		return this.products.findBySlug(slug)
			.map(ProductDetails::of)
			.orElseThrow(() -> new ResourceNotFoundException("product", slug));
	}

}
