package io.cartwright.benchmarks.simulations;

import java.time.Duration;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Product pages, closed model: {@code bench.users} users each loop for
 * {@code bench.duration} seconds over a random product of {@code products.csv}, by id and
 * by slug. Each user keeps its connection: {@code bench.users} connections. Reads
 * {@code bench.baseUrl}, {@code bench.catalogPrefix}, {@code bench.data},
 * {@code bench.users} and {@code bench.duration}.
 */
public class ProductDetailSimulation extends Simulation {

	/** Sets the simulation up from the {@code bench.*} system properties. */
	public ProductDetailSimulation() {
		Duration duration = Bench.duration();
		CatalogRequests catalog = new CatalogRequests(Bench.catalogPrefix());
		ScenarioBuilder products = scenario("product detail").during(duration)
			.on(feed(csv(Bench.data("products.csv")).random()).exec(catalog.productById())
				.exec(catalog.productBySlug()));
		setUp(products.injectOpen(atOnceUsers(Bench.users()))).protocols(Bench.http(Bench.baseUrl()))
			.maxDuration(duration.plus(Bench.GRACE));
	}

}
