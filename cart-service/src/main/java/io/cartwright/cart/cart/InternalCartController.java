package io.cartwright.cart.cart;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The checkout hand-off for order-service. Not routed by the gateway (it routes only
 * {@code /api/carts/**}); needs a service token (see the security configuration).
 */
@RestController
class InternalCartController {

	private final CartService carts;

	InternalCartController(CartService carts) {
		this.carts = carts;
	}

	@GetMapping("/internal/carts/{id}")
	InternalCartView cart(@PathVariable UUID id) {
		return this.carts.forCheckout(id);
	}

}
