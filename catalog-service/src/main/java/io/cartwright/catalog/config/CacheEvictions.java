package io.cartwright.catalog.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Evicts cache entries once the current transaction has committed, so that a read running
 * concurrently cannot put the old state back in between. A failing eviction (Redis down)
 * goes to the {@link CacheErrorHandler} like any other cache error and never fails the
 * write: the entry then lives until its TTL.
 * <p>
 * Spring's {@code @CacheEvict} cannot do this here: the keys to evict (an old slug) are
 * known only inside the write, and its errors would surface after the commit.
 */
@Component
public class CacheEvictions {

	private static final Logger log = LoggerFactory.getLogger(CacheEvictions.class);

	private final CacheManager caches;

	private final CacheErrorHandler errors;

	CacheEvictions(CacheManager caches, CacheErrorHandler errors) {
		this.caches = caches;
		this.errors = errors;
	}

	/**
	 * Evicts an entry after the commit of the current transaction, or now when there is
	 * none.
	 * @param cacheName the cache
	 * @param key the key
	 */
	public void evictAfterCommit(String cacheName, Object key) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new EvictAfterCommit(this, cacheName, key));
		}
		else {
			evict(cacheName, key);
		}
	}

	/**
	 * Empties a cache after the commit of the current transaction, or now when there is
	 * none.
	 * @param cacheName the cache
	 */
	public void clearAfterCommit(String cacheName) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new ClearAfterCommit(this, cacheName));
		}
		else {
			clear(cacheName);
		}
	}

	private void clear(String cacheName) {
		Cache cache = this.caches.getCache(cacheName);
		if (cache == null) {
			log.warn("No cache named {}", cacheName);
			return;
		}
		try {
			cache.clear();
		}
		catch (RuntimeException ex) {
			this.errors.handleCacheClearError(ex, cache);
		}
	}

	private void evict(String cacheName, Object key) {
		Cache cache = this.caches.getCache(cacheName);
		if (cache == null) {
			log.warn("No cache named {}", cacheName);
			return;
		}
		try {
			cache.evict(key);
		}
		catch (RuntimeException ex) {
			this.errors.handleCacheEvictError(ex, cache, key);
		}
	}

	/*
	 * The transaction keeps its synchronizations in a set, so these being equal by value
	 * makes a second request for the same eviction in one transaction (an order whose
	 * SKUs all sell out clears the pages once per SKU) a no-op: one Redis round trip, or
	 * one SCAN of the keys, per commit.
	 */
	private record EvictAfterCommit(CacheEvictions evictions, String cacheName,
			Object key) implements TransactionSynchronization {

		@Override
		public void afterCommit() {
			this.evictions.evict(this.cacheName, this.key);
		}

	}

	private record ClearAfterCommit(CacheEvictions evictions, String cacheName) implements TransactionSynchronization {

		@Override
		public void afterCommit() {
			this.evictions.clear(this.cacheName);
		}

	}

}
