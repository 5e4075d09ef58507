package io.cartwright.order.checkout;

import java.util.UUID;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** The one cart-service endpoint the order service calls: the checkout hand-off. */
@HttpExchange(accept = "application/json")
interface CartClient {

	/**
	 * A cart for checkout.
	 * @param id the cart
	 * @return the cart; a 404 (no such cart) is thrown as
	 * {@code HttpClientErrorException.NotFound}
	 */
	@GetExchange("/internal/carts/{id}")
	CartView cart(@PathVariable UUID id);

}
