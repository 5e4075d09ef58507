package io.cartwright.benchmarks.simulations;

import java.time.Duration;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The same-run baseline, closed model: {@code bench.users} users each loop for
 * {@code bench.duration} seconds on {@code GET bench.url} (an absolute URL: the gateway's
 * cheapest, static endpoint), checking for a 2xx. What the machine, the JVM and Gatling
 * manage when the application does next to nothing. Reads {@code bench.url},
 * {@code bench.users} and {@code bench.duration}.
 */
public class BaselineSimulation extends Simulation {

	/** Sets the simulation up from the {@code bench.*} system properties. */
	public BaselineSimulation() {
		Duration duration = Bench.duration();
		String url = Bench.string("bench.url");
		ScenarioBuilder baseline = scenario("baseline").during(duration)
			.on(exec(http("baseline").get(url).check(status().lt(300))));
		HttpProtocolBuilder protocol = http.acceptHeader("application/json")
			.userAgentHeader("cartwright-benchmarks")
			.disableWarmUp();
		setUp(baseline.injectOpen(atOnceUsers(Bench.users()))).protocols(protocol)
			.maxDuration(duration.plus(Bench.GRACE));
	}

}
