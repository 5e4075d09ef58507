package io.cartwright.benchmarks.simulations;

import java.time.Duration;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * A storefront's day, open model: visitors arrive at {@code bench.rate} per second for
 * {@code bench.duration} seconds. 80% browse (a product by id, a listing, a product by
 * slug, with short pauses between), 15% use a cart (as a guest, or as 1 in 5 a signed-in
 * customer of {@code shoppers.csv}; one {@link CartSteps#round round}), 5% check out as a
 * customer of {@code customers.csv} ({@link CheckoutSteps#checkout}), whose accepted
 * orders are appended to {@code bench.accepted}. Reads {@code bench.baseUrl},
 * {@code bench.catalogPrefix}, {@code bench.data}, {@code bench.rate},
 * {@code bench.duration} and {@code bench.accepted}.
 * <p>
 * Connections are shared, as in {@link CheckoutSimulation}: a connection per arriving
 * visitor would load the test with TCP set-ups rather than the shop.
 */
public class StorefrontDaySimulation extends Simulation {

	private static final Duration MIN_PAUSE = Duration.ofMillis(200);

	private static final Duration MAX_PAUSE = Duration.ofMillis(800);

	private final AcceptedOrders accepted = AcceptedOrders.fromProperty();

	/** Sets the simulation up from the {@code bench.*} system properties. */
	public StorefrontDaySimulation() {
		Duration duration = Bench.duration();
		CatalogRequests catalog = new CatalogRequests(Bench.catalogPrefix());
		String products = Bench.data("products.csv");
		ChainBuilder browse = feed(csv(products).random()).feed(csv(Bench.data("categories.csv")).random())
			.exec(catalog.productById())
			.pause(MIN_PAUSE, MAX_PAUSE)
			.exec(catalog.categoryFirstPage())
			.pause(MIN_PAUSE, MAX_PAUSE)
			.exec(catalog.productBySlug());
		ChainBuilder guestCart = exec(CartSteps.createGuestCart()).exitHereIfFailed().exec(CartSteps.round(false));
		ChainBuilder signedInCart = feed(csv(Bench.data("shoppers.csv")).circular()).exec(CartSteps.useOwnCart())
			.exec(CartSteps.round(true));
		ChainBuilder cart = feed(csv(products).random()).randomSwitch()
			.on(percent(80).then(guestCart), percent(20).then(signedInCart));
		ChainBuilder checkout = feed(csv(Bench.data("customers.csv")).circular())
			.feed(csv(Bench.data("checkout-skus.csv")).random())
			.exec(CheckoutSteps.checkout(this.accepted));
		ScenarioBuilder day = scenario("storefront day")
			.exec(randomSwitch().on(percent(80).then(browse), percent(15).then(cart), percent(5).then(checkout)));
		setUp(day.injectOpen(constantUsersPerSec(Bench.decimal("bench.rate")).during(duration)))
			.protocols(Bench.http(Bench.baseUrl()).shareConnections())
			.maxDuration(duration.plus(Bench.GRACE));
	}

	@Override
	public void after() {
		this.accepted.close();
	}

}
