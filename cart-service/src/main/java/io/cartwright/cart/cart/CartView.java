package io.cartwright.cart.cart;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cartwright.cart.pricing.Money;
import org.jspecify.annotations.Nullable;

/**
 * A cart as the storefront sees it, priced by the service from the catalog's current
 * prices.
 *
 * @param id the cart's id
 * @param status {@code ACTIVE}, {@code CHECKED_OUT}, {@code MERGED} or {@code EXPIRED}
 * @param lines its lines, oldest first
 * @param itemCount the number of units in available lines
 * @param lineCount the number of lines
 * @param subtotal the sum of the available lines' totals
 * @param version the cart's version, also its ETag
 * @param createdAt when the cart was created
 * @param updatedAt when its lines last changed
 */
public record CartView(UUID id, CartStatus status, List<Line> lines, int itemCount, int lineCount, Money subtotal,
		long version, Instant createdAt, Instant updatedAt) {

	/**
	 * One line.
	 *
	 * @param sku the SKU
	 * @param productName the product's name
	 * @param slug the product's slug, for a link
	 * @param imageUrl the product's image, if any
	 * @param quantity how many
	 * @param unitPrice the catalog's current unit price
	 * @param lineTotal unit price times quantity
	 * @param available false when the product was archived: the line is then left out of
	 * the subtotal
	 * @param priceChanged set when the unit price differs from the price when the SKU was
	 * added
	 * @param addedAt when the SKU was last added
	 */
	public record Line(String sku, String productName, String slug, @Nullable String imageUrl, int quantity,
			Money unitPrice, Money lineTotal, boolean available,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable PriceChange priceChanged, Instant addedAt) {
	}

	/**
	 * A unit price that changed since the SKU was added.
	 *
	 * @param from the price when added
	 * @param to the price now
	 */
	public record PriceChange(Money from, Money to) {
	}

}
