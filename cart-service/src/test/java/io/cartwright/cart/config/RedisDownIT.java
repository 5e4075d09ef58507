package io.cartwright.cart.config;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;

import io.cartwright.cart.support.CartIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Redis unreachable the cart works from MySQL; cache errors are counted, not thrown.
 */
@Import(RedisDownIT.UnreachableRedis.class)
@TestPropertySource(properties = "spring.kafka.listener.auto-startup=false")
class RedisDownIT extends CartIntegrationTest {

	@Autowired
	MeterRegistry meters;

	@Test
	void createsAddsAndReadsCartsWithoutRedis() {
		String sku = sku("NOREDIS");
		catalog.variant(sku, 700, 10);
		UUID cart = createGuestCart();
		add(cart.toString(), sku, 2, null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.subtotal.amount")
			.isEqualTo(1400);
		add(cart.toString(), sku, 1, null).expectStatus().isOk();
		get("/carts/" + cart, null).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"2\"")
			.expectBody()
			.jsonPath("$.lines[0].quantity")
			.isEqualTo(3)
			.jsonPath("$.subtotal.amount")
			.isEqualTo(2100);
		double errors = meters.find("cartwright.cache.errors").counters().stream().mapToDouble((c) -> c.count()).sum();
		assertThat(errors).isGreaterThan(0);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class UnreachableRedis {

		@Bean
		@Primary
		DataRedisConnectionDetails unreachableRedis() throws IOException {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			DataRedisConnectionDetails.Standalone closed = DataRedisConnectionDetails.Standalone.of("127.0.0.1", port);
			return new DataRedisConnectionDetails() {

				@Override
				public Standalone getStandalone() {
					return closed;
				}

			};
		}

	}

}
