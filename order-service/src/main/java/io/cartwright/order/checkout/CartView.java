package io.cartwright.order.checkout;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A cart as cart-service hands it over at checkout ({@code GET /internal/carts/{id}}):
 * what and how many, whose, and whether it can still be ordered. No prices: the order
 * takes them from the catalog.
 *
 * @param id the cart
 * @param customerId its owner, or {@code null} for a guest cart
 * @param status {@code ACTIVE}, {@code CHECKED_OUT}, {@code MERGED} or {@code EXPIRED}
 * @param version its version
 * @param lines SKU and quantity of each line
 */
record CartView(UUID id, @Nullable String customerId, String status, long version, List<Line> lines) {

	static final String ACTIVE = "ACTIVE";

	/**
	 * One line.
	 *
	 * @param sku the SKU
	 * @param quantity how many
	 */
	record Line(String sku, int quantity) {
	}

}
