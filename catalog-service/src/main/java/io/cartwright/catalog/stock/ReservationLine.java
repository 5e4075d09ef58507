package io.cartwright.catalog.stock;

import io.cartwright.catalog.pricing.Money;
import io.cartwright.events.StockReserved;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;

/**
 * One reserved SKU of an order, with the unit price and product name the catalog had when
 * it reserved it.
 *
 * @param sku the SKU
 * @param quantity the units reserved, at least one
 * @param unitPrice the unit price at reservation time
 * @param productName the product's name at reservation time
 */
@Embeddable
record ReservationLine(String sku, int quantity, @Embedded Money unitPrice,
		@Column(name = "product_name") String productName) {

	ReservationLine {
		if (quantity <= 0) {
			throw new IllegalArgumentException("A reservation line needs at least one unit: " + quantity);
		}
	}

	StockReserved.Line toEvent() {
		return new StockReserved.Line(this.sku, this.quantity, this.unitPrice.toEvent(), this.productName);
	}

}
