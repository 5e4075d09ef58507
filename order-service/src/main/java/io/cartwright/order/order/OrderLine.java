package io.cartwright.order.order;

import io.cartwright.order.pricing.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * A line of an order: an SKU and a quantity from the cart, and — once the catalog has
 * reserved the stock — the product's name and the unit price the catalog charges.
 *
 * @param sku the SKU
 * @param quantity how many
 * @param productName the product's name, known once priced
 * @param unitPrice the catalog's unit price in minor units, known once priced
 * @param currency the currency of the unit price, known once priced
 */
@Embeddable
public record OrderLine(@Column(name = "sku") String sku, @Column(name = "quantity") int quantity,
		@Column(name = "product_name") @Nullable String productName,
		@Column(name = "unit_price") @Nullable Long unitPrice, @Column(name = "currency") @Nullable String currency) {

	public OrderLine {
		if (quantity < 1) {
			throw new IllegalArgumentException("A line needs a quantity of at least 1, not " + quantity);
		}
	}

	static OrderLine of(String sku, int quantity) {
		return new OrderLine(sku, quantity, null, null, null);
	}

	OrderLine priced(Money price, String name) {
		return new OrderLine(this.sku, this.quantity, name, price.amount(), price.currency());
	}

	public boolean isPriced() {
		return this.unitPrice != null;
	}

	/**
	 * The unit price, once priced.
	 * @return the price, or {@code null} before the catalog answered
	 */
	public @Nullable Money price() {
		return isPriced() ? new Money(this.unitPrice, this.currency) : null;
	}

	/**
	 * The line's total.
	 * @return unit price times quantity
	 * @throws IllegalStateException before the line is priced
	 */
	public Money total() {
		Money price = price();
		if (price == null) {
			throw new IllegalStateException("Line " + this.sku + " has no price yet");
		}
		return price.times(this.quantity);
	}

}
