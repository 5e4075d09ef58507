package io.cartwright.benchmarks.simulations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Carts, closed model: {@code bench.users} shoppers each loop for {@code bench.duration}
 * seconds over {@link CartSteps#round one round} (add, change quantity, read and check
 * for a lost update, remove) with a random SKU of {@code products.csv}. 80% of them are
 * guests, each on a cart of its own created first; 20% are signed in, each as a different
 * customer of {@code shoppers.csv} (a queue feeder: two users on one cart would fail the
 * lost-update check for nothing, so too few shoppers stop the run instead). Reads
 * {@code bench.baseUrl}, {@code bench.data}, {@code bench.users} and
 * {@code bench.duration}.
 */
public class CartSimulation extends Simulation {

	/** Sets the simulation up from the {@code bench.*} system properties. */
	public CartSimulation() {
		Duration duration = Bench.duration();
		int users = Bench.users();
		int signedIn = users / 5;
		int guests = users - signedIn;
		String products = Bench.data("products.csv");
		List<PopulationBuilder> populations = new ArrayList<>();
		if (guests > 0) {
			populations.add(scenario("guest cart").exec(CartSteps.createGuestCart())
				.exitHereIfFailed()
				.during(duration)
				.on(feed(csv(products).random()).exec(CartSteps.round(false)))
				.injectOpen(atOnceUsers(guests)));
		}
		if (signedIn > 0) {
			populations.add(scenario("signed-in cart").feed(csv(Bench.data("shoppers.csv")).queue())
				.exec(CartSteps.useOwnCart())
				.during(duration)
				.on(exec(feed(csv(products).random())).exec(CartSteps.round(true)))
				.injectOpen(atOnceUsers(signedIn)));
		}
		setUp(populations).protocols(Bench.http(Bench.baseUrl())).maxDuration(duration.plus(Bench.GRACE));
	}

}
