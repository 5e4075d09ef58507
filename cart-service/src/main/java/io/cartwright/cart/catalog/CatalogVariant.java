package io.cartwright.cart.catalog;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * catalog-service's answer to {@code GET /variants/{sku}}.
 *
 * @param sku the SKU
 * @param productId its product
 * @param productName the product's name
 * @param slug the product's slug
 * @param imageUrl the product's main image, if any
 * @param options the variant's option values
 * @param price the unit price
 * @param active whether it can be sold
 * @param available the quantity that can be sold now
 * @param productVersion the product's version
 */
record CatalogVariant(String sku, UUID productId, String productName, String slug, @Nullable String imageUrl,
		@Nullable Map<String, String> options, Price price, boolean active, long available, long productVersion) {

	record Price(long amount, String currency) {
	}

}
