package io.cartwright.cart.cart;

import io.cartwright.cart.catalog.SkusChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the catalog changes what a cart shows of an SKU (price, name, archived), the carts
 * holding it get a new version: their ETags change and their cached views are not served
 * any more.
 */
@Component
class CartsHoldingChangedSkus {

	private final Carts carts;

	CartsHoldingChangedSkus(Carts carts) {
		this.carts = carts;
	}

	@EventListener
	void on(SkusChanged event) {
		this.carts.touchCartsHolding(event.skus());
	}

}
