package io.cartwright.catalog.product;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cartwright.catalog.pricing.Money;

/**
 * A product as the API shows it, with the stock available right now per variant.
 *
 * @param id its id
 * @param slug its URL slug
 * @param name its display name
 * @param description its description
 * @param categoryId its category
 * @param images its image URLs, the main one first
 * @param status {@code DRAFT}, {@code ACTIVE} or {@code ARCHIVED}
 * @param priceFrom the lowest price among its active variants
 * @param variants its variants by position, archived ones included
 * @param version its version, to send back in {@code If-Match}
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record ProductView(UUID id, String slug, String name, String description, UUID categoryId, List<String> images,
		ProductStatus status, Money priceFrom, List<VariantView> variants, long version, Instant createdAt,
		Instant updatedAt) {

	/**
	 * One variant with its availability.
	 *
	 * @param sku its SKU
	 * @param options its option values
	 * @param price its price
	 * @param status {@code ACTIVE} or {@code ARCHIVED}
	 * @param available how many units can be bought now
	 * @param inStock whether it can be bought now: product and variant active and units
	 * available
	 */
	public record VariantView(String sku, Map<String, String> options, Money price, VariantStatus status, int available,
			boolean inStock) {

	}

	static ProductView of(ProductDetails product, Map<String, Integer> available) {
		return new ProductView(product.id(), product.slug(), product.name(), product.description(),
				product.categoryId(), product.images(), product.status(), product.priceFrom(),
				product.variants().stream().map((v) -> {
					int units = Math.max(0, available.getOrDefault(v.sku(), 0));
					boolean sellable = product.status() == ProductStatus.ACTIVE && v.status() == VariantStatus.ACTIVE;
					return new VariantView(v.sku(), v.options(), v.price(), v.status(), units, sellable && units > 0);
				}).toList(), product.version(), product.createdAt(), product.updatedAt());
	}

}
