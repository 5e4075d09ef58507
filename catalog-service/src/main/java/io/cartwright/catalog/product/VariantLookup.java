package io.cartwright.catalog.product;

import java.util.Map;
import java.util.UUID;

import io.cartwright.catalog.pricing.Money;
import org.jspecify.annotations.Nullable;

/**
 * One SKU with what a cart needs to show and price it: the answer of {@code GET
 * /variants/{sku}}, which cart-service calls when a shopper adds the SKU.
 *
 * @param sku the SKU
 * @param productId its product
 * @param productName the product's name
 * @param slug the product's slug
 * @param imageUrl the product's main image, or {@code null}
 * @param options the variant's option values
 * @param price the current unit price
 * @param active whether it can be sold: the product is active and the variant not
 * archived
 * @param available how many can be sold right now (on hand minus reserved)
 * @param productVersion the product's version, to order this answer against product
 * events
 */
public record VariantLookup(String sku, UUID productId, String productName, String slug, @Nullable String imageUrl,
		Map<String, String> options, Money price, boolean active, int available, long productVersion) {

	static VariantLookup of(ProductDetails product, ProductDetails.VariantDetails variant, int available) {
		return new VariantLookup(variant.sku(), product.id(), product.name(), product.slug(),
				product.images().isEmpty() ? null : product.images().getFirst(), variant.options(), variant.price(),
				product.status() == ProductStatus.ACTIVE && variant.status() == VariantStatus.ACTIVE, available,
				product.version());
	}

}
