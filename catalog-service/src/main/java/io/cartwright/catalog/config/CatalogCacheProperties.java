package io.cartwright.catalog.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the catalog's Redis caches keep an entry. Every write evicts what it changes,
 * so the TTLs only bound how long an entry survives a missed eviction (Redis down during
 * the write).
 * <p>
 * A mutable bean rather than a record, on purpose: Spring Cloud rebinds it in place when
 * the configuration changes (a bus refresh), and the caches ask it for the TTL of every
 * entry they write, so a new TTL applies to the next entry without a restart
 * (docs/adr/0020). Entries already in Redis keep the TTL they were written with.
 */
@ConfigurationProperties("cartwright.catalog.cache")
public class CatalogCacheProperties {

	/** How long a product stays cached, by id and by slug. */
	private Duration productsTtl = Duration.ofMinutes(10);

	/**
	 * How long a listing or search page stays cached. Product and category writes clear
	 * the pages, and so does an SKU selling out or coming back, so the expiry only bounds
	 * how long a page nobody changed takes space in Redis.
	 */
	private Duration pagesTtl = Duration.ofMinutes(10);

	/** How long the category tree stays cached. */
	private Duration categoriesTtl = Duration.ofHours(1);

	public Duration getProductsTtl() {
		return this.productsTtl;
	}

	public void setProductsTtl(Duration productsTtl) {
		this.productsTtl = productsTtl;
	}

	public Duration getPagesTtl() {
		return this.pagesTtl;
	}

	public void setPagesTtl(Duration pagesTtl) {
		this.pagesTtl = pagesTtl;
	}

	public Duration getCategoriesTtl() {
		return this.categoriesTtl;
	}

	public void setCategoriesTtl(Duration categoriesTtl) {
		this.categoriesTtl = categoriesTtl;
	}

}
