package io.cartwright.cart.config;

import java.util.UUID;

import io.cartwright.cart.support.CartIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cart views are cached in Redis as plain JSON, per cart version, under the cart::
 * prefix.
 */
class CartCacheIT extends CartIntegrationTest {

	@Autowired
	StringRedisTemplate redis;

	@Test
	void cachesEachVersionOfACartAsJsonAndDropsTheVersionAWriteReplaced() {
		String sku = sku("CACHE");
		catalog.variant(sku, 350, 10);
		UUID cart = createGuestCart();
		get("/carts/" + cart, null).expectStatus().isOk();
		assertThat(redis.keys("cart::*")).contains(key(cart, 0));

		add(cart.toString(), sku, 2, null).expectStatus().isOk();

		assertThat(redis.keys("cart::*")).doesNotContain(key(cart, 0));
		String cached = redis.opsForValue().get(key(cart, 1));
		assertThat(cached).startsWith("{")
			.contains("\"customerId\":null")
			.contains("\"sku\":\"" + sku + "\"")
			.contains("\"subtotal\":{\"amount\":700,\"currency\":\"EUR\"}")
			.doesNotContain("@class");
	}

	/**
	 * Boot puts the configured prefix before the cache name: {@code cart::carts::<key>}.
	 */
	private static String key(UUID cart, long version) {
		return "cart::carts::" + cart + ":" + version;
	}

}
