package io.cartwright.cart.cart;

import org.jspecify.annotations.Nullable;

/**
 * What the cart cache holds per cart version: the priced view and the owner, who alone
 * may see a customer's cart.
 *
 * @param customerId the owner, or null for a guest cart
 * @param view the priced view
 */
public record PricedCart(@Nullable String customerId, CartView view) {
}
