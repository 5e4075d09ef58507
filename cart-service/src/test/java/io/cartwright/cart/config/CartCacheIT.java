package io.cartwright.cart.config;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.cartwright.cart.support.CartIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cart views are cached in Redis as plain JSON, per cart version, under the cart::
 * prefix.
 */
class CartCacheIT extends CartIntegrationTest {

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	ConfigurableEnvironment environment;

	@Autowired
	ApplicationContext context;

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
	 * What a bus refresh does in every instance: the environment changes, Spring Cloud
	 * rebinds Boot's cache properties, and the next cart cached gets the new TTL.
	 */
	@Test
	void aCacheTtlChangedByARefreshAppliesToTheNextCartCachedWithoutARestart() {
		UUID before = createGuestCart();
		get("/carts/" + before, null).expectStatus().isOk();
		assertThat(redis.getExpire(key(before, 0))).isBetween(61L, 600L);
		String changed = "cart-cache-ttl-refresh";
		try {
			environment.getPropertySources()
				.addFirst(new MapPropertySource(changed, Map.of("cartwright.cart.cache-ttl", "1m")));
			context.publishEvent(new EnvironmentChangeEvent(context, Set.of("cartwright.cart.cache-ttl")));

			UUID after = createGuestCart();
			get("/carts/" + after, null).expectStatus().isOk();
			assertThat(redis.getExpire(key(after, 0))).isBetween(1L, 60L);
		}
		finally {
			environment.getPropertySources().remove(changed);
			context.publishEvent(new EnvironmentChangeEvent(context, Set.of("cartwright.cart.cache-ttl")));
		}
	}

	/**
	 * Boot puts the configured prefix before the cache name: {@code cart::carts::<key>}.
	 */
	private static String key(UUID cart, long version) {
		return "cart::carts::" + cart + ":" + version;
	}

}
