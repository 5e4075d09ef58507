package io.cartwright.cart.config;

import java.time.Duration;

import io.cartwright.cart.cart.PricedCart;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.cache.autoconfigure.CacheProperties;
import org.springframework.boot.cache.autoconfigure.RedisCacheManagerBuilderCustomizer;
import org.springframework.cache.Cache;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.serializer.JacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;

/**
 * Cart views cached in Redis as JSON (Jackson 3, typed to {@link PricedCart}: no class
 * names in the values, nothing else can be deserialized from them), with the key prefix
 * and TTL of {@code spring.cache.redis.*}. The TTL is read from Spring Boot's
 * {@link CacheProperties} for every entry written, so a TTL changed by a configuration
 * refresh ({@code cartwright.cart.cache-ttl}, Spring Cloud Bus) applies without a
 * restart. A cache error is logged and counted ({@code cartwright.cache.errors}) and
 * never fails a request: with Redis down the service answers from MySQL.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfiguration implements CachingConfigurer {

	static final String CARTS = "carts";

	private final MeterRegistry meters;

	CacheConfiguration(MeterRegistry meters) {
		this.meters = meters;
	}

	@Bean
	RedisCacheManagerBuilderCustomizer cartCacheSerializer(JsonMapper json, CacheProperties cacheProperties) {
		return (builder) -> builder.withCacheConfiguration(CARTS, builder.cacheDefaults()
			.entryTtl((key, value) -> ttl(cacheProperties))
			.serializeValuesWith(
					SerializationPair.fromSerializer(new JacksonJsonRedisSerializer<>(json, PricedCart.class))));
	}

	/** The configured TTL as it is now; none configured means entries never expire. */
	private static Duration ttl(CacheProperties cacheProperties) {
		Duration ttl = cacheProperties.getRedis().getTimeToLive();
		return (ttl != null) ? ttl : Duration.ZERO;
	}

	@Override
	public CacheErrorHandler errorHandler() {
		return new CountingCacheErrorHandler(this.meters);
	}

	static final class CountingCacheErrorHandler implements CacheErrorHandler {

		private static final Logger log = LoggerFactory.getLogger(CountingCacheErrorHandler.class);

		private final MeterRegistry meters;

		CountingCacheErrorHandler(MeterRegistry meters) {
			this.meters = meters;
		}

		@Override
		public void handleCacheGetError(RuntimeException ex, Cache cache, Object key) {
			failed("get", ex, cache, key);
		}

		@Override
		public void handleCachePutError(RuntimeException ex, Cache cache, Object key, Object value) {
			failed("put", ex, cache, key);
		}

		@Override
		public void handleCacheEvictError(RuntimeException ex, Cache cache, Object key) {
			failed("evict", ex, cache, key);
		}

		@Override
		public void handleCacheClearError(RuntimeException ex, Cache cache) {
			failed("clear", ex, cache, "*");
		}

		private void failed(String operation, RuntimeException ex, Cache cache, Object key) {
			this.meters.counter("cartwright.cache.errors", "cache", cache.getName(), "operation", operation)
				.increment();
			log.warn("Cache {} failed to {} {}: {}; carrying on without it", cache.getName(), operation, key,
					ex.toString());
			log.debug("Cache failure", ex);
		}

	}

}
