package io.cartwright.cart.cart;

import java.time.Instant;

import io.cartwright.cart.pricing.Money;

/**
 * One SKU in a cart.
 *
 * @param sku the SKU
 * @param quantity how many, 1 to {@value Cart#MAX_QUANTITY}
 * @param addedUnitPrice the catalog's unit price when the SKU was last added
 * @param addedAt when the SKU was last added
 */
record CartLine(String sku, int quantity, Money addedUnitPrice, Instant addedAt) {

	CartLine withQuantity(int newQuantity) {
		return new CartLine(this.sku, newQuantity, this.addedUnitPrice, this.addedAt);
	}

}
