package io.cartwright.benchmarks.simulations;

import java.time.Duration;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Checkout, open model: users arrive at a rate ramped from {@code bench.rampFrom} to
 * {@code bench.rampTo} per second over {@code bench.rampSeconds}, then steady at
 * {@code bench.rampTo} for {@code bench.sustainSeconds}. Each takes the next customer of
 * {@code customers.csv} (circular) and a random SKU of {@code checkout-skus.csv}, and
 * {@link CheckoutSteps#checkout checks out}; accepted order ids are appended to
 * {@code bench.accepted}. Reads {@code bench.baseUrl}, {@code bench.data},
 * {@code bench.rampFrom}, {@code bench.rampTo}, {@code bench.rampSeconds},
 * {@code bench.sustainSeconds} and {@code bench.accepted}.
 * <p>
 * Connections are shared: arriving users are not browsers of their own but requests that,
 * in production, reach the gateway through a load balancer's keep-alive pool. A
 * connection per user would measure TCP set-up and exhaust ephemeral ports at a few
 * hundred users per second, not the checkout.
 */
public class CheckoutSimulation extends Simulation {

	private final AcceptedOrders accepted = AcceptedOrders.fromProperty();

	/** Sets the simulation up from the {@code bench.*} system properties. */
	public CheckoutSimulation() {
		double rampFrom = Bench.decimal("bench.rampFrom");
		double rampTo = Bench.decimal("bench.rampTo");
		Duration ramp = Duration.ofSeconds(Bench.integer("bench.rampSeconds"));
		Duration sustain = Duration.ofSeconds(Bench.integer("bench.sustainSeconds"));
		ScenarioBuilder checkout = scenario("checkout").feed(csv(Bench.data("customers.csv")).circular())
			.feed(csv(Bench.data("checkout-skus.csv")).random())
			.exec(CheckoutSteps.checkout(this.accepted));
		setUp(checkout.injectOpen(rampUsersPerSec(rampFrom).to(rampTo).during(ramp),
				constantUsersPerSec(rampTo).during(sustain)))
			.protocols(Bench.http(Bench.baseUrl()).shareConnections())
			.maxDuration(ramp.plus(sustain).plus(Bench.GRACE));
	}

	@Override
	public void after() {
		this.accepted.close();
	}

}
