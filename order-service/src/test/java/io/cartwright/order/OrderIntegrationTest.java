package io.cartwright.order;

import io.cartwright.infra.test.EmbeddedInfrastructure;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one application context of the integration tests (so that a single Kafka consumer
 * group member reads {@code catalog.stock-events}): the service on the embedded MariaDB,
 * Redis and Kafka, with cart-service and the token endpoint played by {@link CartStub}
 * and a quick saga sweep and Kafka retry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cartwright.order.sweep-interval=300ms",
				"cartwright.kafka.listeners.retry-initial-interval=50ms", "cartwright.kafka.listeners.retries=2",
				// Long enough for a test to hold a cart answer while it sends a second
				// request.
				"cartwright.order.cart.read-timeout=10s" })
@AutoConfigureRestTestClient
@EmbeddedInfrastructure
public abstract class OrderIntegrationTest {

	@DynamicPropertySource
	static void cartService(DynamicPropertyRegistry registry) {
		registry.add("CART_SERVICE_URL", CartStub.INSTANCE::url);
		registry.add("AUTH_TOKEN_URI", CartStub.INSTANCE::tokenUri);
	}

}
