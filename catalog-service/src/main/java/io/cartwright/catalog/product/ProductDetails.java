package io.cartwright.catalog.product;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cartwright.catalog.pricing.Money;

/**
 * A product as it is cached: everything but stock availability, which changes with every
 * reservation and is read fresh for each request.
 *
 * @param id its id
 * @param slug its URL slug
 * @param name its display name
 * @param description its description
 * @param categoryId its category
 * @param images its image URLs, the main one first
 * @param status its status
 * @param priceFrom the lowest price among its active variants
 * @param variants its variants by position, archived ones included
 * @param version its version, the base of its ETag
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record ProductDetails(UUID id, String slug, String name, String description, UUID categoryId,
		List<String> images, ProductStatus status, Money priceFrom, List<VariantDetails> variants, long version,
		Instant createdAt, Instant updatedAt) {

	/**
	 * One variant.
	 *
	 * @param sku its SKU
	 * @param options its option values
	 * @param price its price
	 * @param status whether it is sold
	 */
	public record VariantDetails(String sku, Map<String, String> options, Money price, VariantStatus status) {

	}

	static ProductDetails of(Product product) {
		return new ProductDetails(product.getId(), product.getSlug(), product.getName(), product.getDescription(),
				product.getCategoryId(), product.getImages(), product.getStatus(), product.getMinPrice(),
				product.getVariants()
					.stream()
					.map((v) -> new VariantDetails(v.getSku(), v.getOptions(), v.getPrice(), v.getStatus()))
					.toList(),
				product.getVersion(), product.getCreatedAt(), product.getUpdatedAt());
	}

	List<String> skus() {
		return this.variants.stream().map(VariantDetails::sku).toList();
	}

}
