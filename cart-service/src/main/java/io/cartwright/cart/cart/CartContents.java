package io.cartwright.cart.cart;

import java.util.List;

import io.cartwright.cart.catalog.SkuSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * A cart as one query reads it: its header and its lines, each with what the read model
 * knows of the line's SKU. All that a priced view needs.
 *
 * @param header the header
 * @param lines the lines, oldest first
 */
record CartContents(CartHeader header, List<Line> lines) {

	/**
	 * A line and its SKU.
	 *
	 * @param line the line
	 * @param sku the SKU's snapshot, null if the read model does not have it
	 */
	record Line(CartLine line, @Nullable SkuSnapshot sku) {
	}

}
