package io.cartwright.benchmarks;

import java.time.Duration;

import io.cartwright.benchmarks.seed.CatalogSeeder;

/**
 * How big and how long a run is.
 *
 * @param catalog the catalog to seed
 * @param checkoutCustomers customers who check out (each has one cart, so the pool must
 * be large enough that one customer's orders don't overlap)
 * @param shoppers customers who only fill carts and watch order status streams
 * @param warmUp each warm-up load
 * @param baseline each baseline load
 * @param measure each measured load
 * @param checkoutRate the orders per second checkout rises to and sustains
 * @param checkoutRampSeconds how long it rises
 * @param checkoutSustainSeconds how long it sustains
 * @param dayRate visitors per second of the storefront day
 * @param streamCustomers customers holding five idle order status streams each
 * @param streamHold how long the streams are held
 */
record Settings(CatalogSeeder.Plan catalog, int checkoutCustomers, int shoppers, Duration warmUp, Duration baseline,
		Duration measure, double checkoutRate, int checkoutRampSeconds, int checkoutSustainSeconds, double dayRate,
		int streamCustomers, Duration streamHold) {

	/** The run whose figures are published. */
	static Settings full() {
		return new Settings(CatalogSeeder.Plan.large(), 300, 200, Duration.ofSeconds(15), Duration.ofSeconds(15),
				Duration.ofSeconds(30), 40, 60, 60, 60, 200, Duration.ofSeconds(40));
	}

	/**
	 * A few minutes on a small catalog: checks the suite itself, figures not comparable.
	 */
	static Settings quick() {
		return new Settings(new CatalogSeeder.Plan(5_000, 3, 3, 100, 200, 1_000, 5, 3), 40, 20, Duration.ofSeconds(5),
				Duration.ofSeconds(5), Duration.ofSeconds(8), 20, 10, 10, 20, 20, Duration.ofSeconds(20));
	}

}
