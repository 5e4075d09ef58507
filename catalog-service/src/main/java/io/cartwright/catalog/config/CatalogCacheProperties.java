package io.cartwright.catalog.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the catalog's Redis caches keep an entry. Every write evicts what it changes,
 * so the TTLs only bound how long an entry survives a missed eviction (Redis down during
 * the write).
 *
 * @param productsTtl how long a product stays cached, by id and by slug
 * @param categoriesTtl how long the category tree stays cached
 */
@ConfigurationProperties("cartwright.catalog.cache")
public record CatalogCacheProperties(@DefaultValue("10m") Duration productsTtl,
		@DefaultValue("1h") Duration categoriesTtl) {

}
