package io.cartwright.catalog.stock;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The stock of one SKU as the API shows it.
 *
 * @param sku the SKU
 * @param onHand units on the shelf
 * @param reserved units held for orders that are not yet confirmed
 * @param available units that can still be sold: on hand minus reserved
 * @param version the version, sent as the {@code ETag} rather than in the body
 */
record StockView(String sku, int onHand, int reserved, int available, @JsonIgnore long version) {

	static StockView of(Stock stock) {
		return new StockView(stock.sku(), stock.onHand(), stock.reserved(), stock.available(), stock.version());
	}

}
