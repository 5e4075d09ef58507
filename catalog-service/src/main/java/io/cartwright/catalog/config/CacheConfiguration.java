package io.cartwright.catalog.config;

import java.time.Duration;
import java.util.function.Supplier;

import io.cartwright.catalog.category.CategoryQueries;
import io.cartwright.catalog.category.CategoryTree;
import io.cartwright.catalog.product.ProductDetails;
import io.cartwright.catalog.product.ProductQueries;
import io.cartwright.catalog.product.ProductSearch;
import io.cartwright.catalog.product.ProductSummary;
import io.cartwright.catalog.web.PageView;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.cache.autoconfigure.CacheProperties;
import org.springframework.boot.cache.autoconfigure.RedisCacheManagerBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.core.Ordered;
import org.springframework.data.redis.cache.BatchStrategies;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.serializer.JacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * Spring's cache abstraction over Redis: one cache per cached type, each with its own TTL
 * and a JSON serializer for exactly that type (no class names in the stored values, so a
 * renamed class does not poison the cache), keys prefixed with
 * {@code spring.cache.redis.key-prefix} ({@code catalog::}), written synchronously so
 * that an eviction is done when the write returns. Cache errors are logged, counted and
 * bypassed. Each entry's TTL is read from {@link CatalogCacheProperties} when it is
 * written, so a TTL changed by a configuration refresh applies without a restart.
 */
@Configuration(proxyBeanMethods = false)
// Outside the transaction advice (LOWEST_PRECEDENCE): a cache hit opens no transaction
// and
// takes no database connection, and a value is cached only once its transaction
// committed.
@EnableCaching(order = Ordered.LOWEST_PRECEDENCE - 1)
@EnableConfigurationProperties(CatalogCacheProperties.class)
class CacheConfiguration {

	@Bean
	RedisCacheManagerBuilderCustomizer catalogCaches(CatalogCacheProperties ttl, CacheProperties cacheProperties,
			JsonMapper json, RedisConnectionFactory redis) {
		String prefix = cacheProperties.getRedis().getKeyPrefix();
		return (builder) -> builder
			// Spring Data Redis 4 writes to Redis asynchronously with Lettuce by default:
			// an
			// eviction would return before the entry is gone (a read right after a write
			// could
			// still see the old product) and a failed write would bypass the error
			// handler.
			// SCAN, not KEYS, when the listing pages are cleared: KEYS blocks Redis.
			.cacheWriter(RedisCacheWriter.create(redis,
					(writer) -> writer.immediateWrites().batchStrategy(BatchStrategies.scan(1000))))
			.withCacheConfiguration(ProductQueries.BY_ID,
					cache(prefix, ttl::getProductsTtl, new JacksonJsonRedisSerializer<>(json, ProductDetails.class)))
			.withCacheConfiguration(ProductQueries.BY_SLUG,
					cache(prefix, ttl::getProductsTtl, new JacksonJsonRedisSerializer<>(json, ProductDetails.class)))
			.withCacheConfiguration(ProductSearch.PAGES, cache(prefix, ttl::getPagesTtl,
					new JacksonJsonRedisSerializer<>(json,
							json.getTypeFactory().constructParametricType(PageView.class, ProductSummary.class))))
			.withCacheConfiguration(CategoryQueries.TREE_CACHE,
					cache(prefix, ttl::getCategoriesTtl, new JacksonJsonRedisSerializer<>(json, CategoryTree.class)));
	}

	private static RedisCacheConfiguration cache(String prefix, Supplier<Duration> ttl, RedisSerializer<?> values) {
		RedisCacheConfiguration config = RedisCacheConfiguration.defaultCacheConfig()
			.entryTtl((key, value) -> ttl.get())
			.disableCachingNullValues()
			.serializeValuesWith(SerializationPair.fromSerializer(values));
		return (prefix != null) ? config.prefixCacheNameWith(prefix) : config;
	}

	@Bean
	CacheErrorHandler cacheErrorHandler(MeterRegistry meters) {
		return new CountingCacheErrorHandler(meters);
	}

	@Bean
	CachingConfigurer cachingConfigurer(CacheErrorHandler cacheErrorHandler) {
		return new CachingConfigurer() {
			@Override
			public CacheErrorHandler errorHandler() {
				return cacheErrorHandler;
			}
		};
	}

	@Bean
	CacheHealthIndicator cacheHealthIndicator(RedisConnectionFactory redis) {
		return new CacheHealthIndicator(redis);
	}

}
