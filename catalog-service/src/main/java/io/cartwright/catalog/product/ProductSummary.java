package io.cartwright.catalog.product;

import java.util.UUID;

import io.cartwright.catalog.pricing.Money;
import org.jspecify.annotations.Nullable;

/**
 * A product in a listing.
 *
 * @param id its id
 * @param slug its URL slug
 * @param name its display name
 * @param categoryId its category
 * @param image its main image URL, or {@code null}
 * @param priceFrom the lowest price among its active variants
 * @param inStock whether one of its active variants has stock available now
 */
public record ProductSummary(UUID id, String slug, String name, UUID categoryId, @Nullable String image,
		Money priceFrom, boolean inStock) {

}
