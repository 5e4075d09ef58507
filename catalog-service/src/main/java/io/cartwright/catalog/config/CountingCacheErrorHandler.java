package io.cartwright.catalog.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cache.Cache;
import org.springframework.cache.interceptor.CacheErrorHandler;

/**
 * Logs and counts cache errors and never throws them: with Redis down a read goes to
 * MySQL and a write still succeeds. Counted as {@code cartwright.cache.errors} tagged
 * with the cache and the operation ({@code get}, {@code put}, {@code evict},
 * {@code clear}).
 */
class CountingCacheErrorHandler implements CacheErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(CountingCacheErrorHandler.class);

	private final MeterRegistry meters;

	CountingCacheErrorHandler(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public void handleCacheGetError(RuntimeException ex, Cache cache, Object key) {
		record(ex, cache, "get", key);
	}

	@Override
	public void handleCachePutError(RuntimeException ex, Cache cache, Object key, @Nullable Object value) {
		record(ex, cache, "put", key);
	}

	@Override
	public void handleCacheEvictError(RuntimeException ex, Cache cache, Object key) {
		record(ex, cache, "evict", key);
	}

	@Override
	public void handleCacheClearError(RuntimeException ex, Cache cache) {
		record(ex, cache, "clear", null);
	}

	private void record(RuntimeException ex, Cache cache, String operation, @Nullable Object key) {
		Counter.builder("cartwright.cache.errors")
			.description("Cache operations that failed and were bypassed")
			.tag("cache", cache.getName())
			.tag("operation", operation)
			.register(this.meters)
			.increment();
		log.warn("Cache {} failed on {} of {}, going without it: {}", cache.getName(), operation, key, ex.getMessage());
	}

}
