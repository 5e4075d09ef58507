package io.cartwright.cart.cart;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A cart as order-service reads it at checkout: what and how many, whose, and whether it
 * can still be ordered. Prices are not part of it: the order takes them from the catalog.
 *
 * @param id the cart
 * @param customerId its owner, or null for a guest cart
 * @param status its status
 * @param version its version
 * @param lines SKU and quantity of each line
 */
public record InternalCartView(UUID id, @Nullable String customerId, CartStatus status, long version,
		List<Line> lines) {

	/**
	 * One line.
	 *
	 * @param sku the SKU
	 * @param quantity how many
	 */
	public record Line(String sku, int quantity) {
	}

}
