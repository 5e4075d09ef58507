package io.cartwright.cart.catalog;

import java.util.Set;

/**
 * Published (synchronously, inside the transaction that changed them) when what a cart
 * shows of some SKUs changed: a price, a name, the active flag.
 *
 * @param skus the SKUs
 */
public record SkusChanged(Set<String> skus) {
}
