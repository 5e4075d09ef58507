package io.cartwright.cart.catalog;

import java.util.Objects;
import java.util.UUID;

import io.cartwright.cart.pricing.Money;
import org.jspecify.annotations.Nullable;

/**
 * What the cart knows about one SKU of the catalog.
 *
 * @param sku the SKU
 * @param productId its product
 * @param productName the product's name
 * @param slug the product's URL slug
 * @param imageUrl the product's main image, if any
 * @param price the current unit price
 * @param active whether it can be sold (product active, variant not archived)
 * @param productVersion the product version this is from; older news is ignored
 */
public record SkuSnapshot(String sku, UUID productId, String productName, String slug, @Nullable String imageUrl,
		Money price, boolean active, long productVersion) {

	/**
	 * Whether another snapshot of the same SKU says something a cart shows differently.
	 * @param other the other snapshot
	 * @return true when name, slug, image, price or active flag differ
	 */
	boolean differsForCarts(SkuSnapshot other) {
		return !(this.productName.equals(other.productName) && this.slug.equals(other.slug)
				&& Objects.equals(this.imageUrl, other.imageUrl) && this.price.equals(other.price)
				&& this.active == other.active);
	}

}
