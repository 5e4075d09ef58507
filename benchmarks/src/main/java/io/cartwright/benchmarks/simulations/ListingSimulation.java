package io.cartwright.benchmarks.simulations;

import java.time.Duration;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Listings, closed model: {@code bench.users} users each loop for {@code bench.duration}
 * seconds over a text search (a random product's {@code word}), a category's first page,
 * a price range, the catalog sorted by name, a deep page of a category (page 50) and a
 * deep page of the whole catalog (page 2000 of 20, offset 40,000). Reads
 * {@code bench.baseUrl}, {@code bench.catalogPrefix}, {@code bench.data},
 * {@code bench.users} and {@code bench.duration}.
 */
public class ListingSimulation extends Simulation {

	/** Sets the simulation up from the {@code bench.*} system properties. */
	public ListingSimulation() {
		Duration duration = Bench.duration();
		CatalogRequests catalog = new CatalogRequests(Bench.catalogPrefix());
		ScenarioBuilder listings = scenario("listings").during(duration)
			.on(feed(csv(Bench.data("products.csv")).random()).feed(csv(Bench.data("categories.csv")).random())
				.exec(catalog.searchText())
				.exec(catalog.categoryFirstPage())
				.exec(catalog.priceRange())
				.exec(catalog.sortByName())
				.exec(catalog.deepPageOfCategory())
				.exec(catalog.deepPageNewest()));
		setUp(listings.injectOpen(atOnceUsers(Bench.users()))).protocols(Bench.http(Bench.baseUrl()))
			.maxDuration(duration.plus(Bench.GRACE));
	}

}
