package io.cartwright.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The stand-ins for catalog-service, cart-service, order-service and auth-server, started
 * once per test JVM and shared by the test classes whose gateway routes to them.
 */
final class Upstreams {

	static final RecordingUpstream catalog = start("catalog");

	static final RecordingUpstream cart = start("cart");

	static final RecordingUpstream order = start("order");

	static final RecordingUpstream auth = start("auth");

	private Upstreams() {
	}

	private static RecordingUpstream start(String name) {
		try {
			return RecordingUpstream.start(name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Points the gateway's routes at the stand-ins. */
	static void register(DynamicPropertyRegistry registry) {
		registry.add("CATALOG_SERVICE_URL", catalog::url);
		registry.add("CART_SERVICE_URL", cart::url);
		registry.add("ORDER_SERVICE_URL", order::url);
		registry.add("AUTH_SERVER_URL", auth::url);
	}

	static void reset() {
		catalog.reset();
		cart.reset();
		order.reset();
		auth.reset();
	}

}
