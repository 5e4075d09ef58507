package io.cartwright.cart.catalog;

import java.util.OptionalLong;

/**
 * What the read model knows of an SKU: its snapshot and, when a stock level has been
 * heard of, its sellable quantity.
 *
 * @param snapshot the snapshot
 * @param available the sellable quantity, empty when no stock level is known yet
 */
record LocalSku(SkuSnapshot snapshot, OptionalLong available) {

	/**
	 * Whether an add can be decided from the read model alone.
	 * @return true when the stock level is known as well as the snapshot
	 */
	boolean decidesAnAdd() {
		return this.available.isPresent();
	}

}
