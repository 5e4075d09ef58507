package io.cartwright.cart.cart;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies the cart API accepts. */
final class CartRequests {

	private CartRequests() {
	}

	/**
	 * Add units of an SKU.
	 *
	 * @param sku the SKU
	 * @param quantity how many to add, 1 to 99
	 */
	record NewLine(@NotBlank @Size(max = 64) String sku, @NotNull @Min(1) @Max(Cart.MAX_QUANTITY) Integer quantity) {
	}

	/**
	 * Set a line's quantity.
	 *
	 * @param quantity the new quantity, 0 (removes the line) to 99
	 */
	record QuantityChange(@NotNull @Min(0) @Max(Cart.MAX_QUANTITY) Integer quantity) {
	}

	/**
	 * Merge a guest cart into the caller's cart.
	 *
	 * @param guestCartId the guest cart's id
	 */
	record Merge(@NotNull UUID guestCartId) {
	}

}
