package io.cartwright.order.checkout;

import java.util.Optional;
import java.util.UUID;

import io.cartwright.order.web.ServiceUnavailableException;

import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Reads a cart from cart-service through a circuit breaker ({@code cart}). A 404 is an
 * answer (no such cart), not a failure; an error, a timeout or an open circuit is a
 * {@link ServiceUnavailableException}: the checkout cannot go on without the cart, and
 * the same request may succeed a moment later.
 */
@Component
class CartReader {

	static final String CIRCUIT = "cart";

	private final CartClient client;

	private final CircuitBreaker circuit;

	private final CartClientProperties properties;

	CartReader(CartClient client, CircuitBreakerFactory<?, ?> circuits, CartClientProperties properties) {
		this.client = client;
		this.circuit = circuits.create(CIRCUIT);
		this.properties = properties;
	}

	/**
	 * The cart as it is now.
	 * @param id the cart
	 * @return the cart, or empty when cart-service knows no such cart
	 * @throws ServiceUnavailableException when cart-service cannot answer
	 */
	Optional<CartView> read(UUID id) {
		return this.circuit.run(() -> fetch(id), (failure) -> {
			throw new ServiceUnavailableException("cart-unavailable",
					"The cart cannot be read right now; retry in a moment.", this.properties.retryAfter(), failure);
		});
	}

	private Optional<CartView> fetch(UUID id) {
		try {
			return Optional.of(this.client.cart(id));
		}
		catch (HttpClientErrorException.NotFound unknown) {
			return Optional.empty();
		}
	}

}
