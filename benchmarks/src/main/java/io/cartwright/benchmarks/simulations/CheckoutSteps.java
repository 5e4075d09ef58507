package io.cartwright.benchmarks.simulations;

import java.time.Duration;
import java.util.UUID;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * A signed-in customer's checkout: add the session's {@code sku} to their cart, then
 * {@code POST /api/orders} with a fresh {@code Idempotency-Key}. A 503 (order-service
 * could not reach cart-service, say) is retried up to {@link #RETRIES} times with the
 * same key after the pause its {@code Retry-After} asks for (at most {@link #MAX_PAUSE}).
 * The first attempt is named "place order", the retries "place order retry": the retries'
 * count is the number of 503s, and only the last retry's 503 is a KO. Every order
 * answered 202 is appended to {@link AcceptedOrders}.
 */
final class CheckoutSteps {

	static final int RETRIES = 3;

	static final Duration MAX_PAUSE = Duration.ofSeconds(3);

	private static final String ADDRESS = """
			{"name":"Ada Lovelace","line1":"1 Analytical Way","postalCode":"10115","city":"Berlin","country":"DE"}""";

	private static final String ORDER = "{\"cartId\":\"#{cartId}\",\"shippingAddress\":" + ADDRESS
			+ ",\"paymentMethod\":\"tok_visa\"}";

	private CheckoutSteps() {
	}

	/**
	 * Adds the session's {@code sku} to the cart of the session's {@code token} and
	 * orders the cart.
	 * @param accepted where accepted orders go
	 * @return the chain
	 */
	static ChainBuilder checkout(AcceptedOrders accepted) {
		return exec(http("add to cart").post("/api/carts/me/lines")
			.header("Authorization", "Bearer #{token}")
			.body(StringBody("{\"sku\":\"#{sku}\",\"quantity\":1}"))
			.check(status().is(200), jsonPath("$.id").saveAs("cartId")))
			.exitHereIfFailed()
			.exec((session) -> session.set("idempotencyKey", UUID.randomUUID().toString())
				.set("attempt", 0)
				.set("orderStatus", 0)
				.remove("orderId")
				.remove("retryAfter"))
			.asLongAs(CheckoutSteps::tryAgain)
			.on(pause(CheckoutSteps::retryPause)
				.exec(http((session) -> (session.getInt("attempt") == 0) ? "place order" : "place order retry")
					.post("/api/orders")
					.header("Authorization", "Bearer #{token}")
					.header("Idempotency-Key", "#{idempotencyKey}")
					.body(StringBody(ORDER))
					.check(status().saveAs("orderStatus"), header("Retry-After").optional().saveAs("retryAfter"))
					.checkIf(CheckoutSteps::retriesLeft)
					.then(status().in(202, 503))
					.checkIf((session) -> !retriesLeft(session))
					.then(status().is(202))
					.checkIf((response, session) -> response.status().code() == 202)
					.then(jsonPath("$.id").saveAs("orderId")))
				.exec((session) -> session.set("attempt", session.getInt("attempt") + 1)))
			.exec((session) -> {
				if (session.getInt("orderStatus") == 202 && session.contains("orderId")) {
					accepted.append(session.getString("orderId"));
				}
				return session;
			});
	}

	private static boolean tryAgain(Session session) {
		int attempt = session.getInt("attempt");
		return attempt == 0 || (session.getInt("orderStatus") == 503 && attempt <= RETRIES);
	}

	private static boolean retriesLeft(Session session) {
		return session.getInt("attempt") < RETRIES;
	}

	private static Duration retryPause(Session session) {
		if (session.getInt("attempt") == 0) {
			return Duration.ZERO;
		}
		Duration pause = Duration.ofSeconds(1);
		if (session.contains("retryAfter")) {
			try {
				pause = Duration.ofSeconds(Long.parseLong(session.getString("retryAfter").strip()));
			}
			catch (NumberFormatException ex) {
				// An HTTP date: keep the default.
			}
		}
		return (pause.compareTo(MAX_PAUSE) > 0) ? MAX_PAUSE : pause;
	}

}
