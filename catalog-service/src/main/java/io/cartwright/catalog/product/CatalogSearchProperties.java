package io.cartwright.catalog.product;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the product listing and search.
 */
@ConfigurationProperties("cartwright.catalog.search")
public class CatalogSearchProperties {

	/**
	 * A listing query that runs longer is cancelled and answered with a 503 problem: one
	 * expensive search must not hold a database connection that stock reservations need.
	 */
	private Duration queryTimeout = Duration.ofSeconds(3);

	public Duration getQueryTimeout() {
		return this.queryTimeout;
	}

	public void setQueryTimeout(Duration queryTimeout) {
		this.queryTimeout = queryTimeout;
	}

}
