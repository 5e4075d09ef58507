package io.cartwright.benchmarks.simulations;

import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * A shopper's cart, as a guest ({@code /api/carts/{id}}, created first) or signed in
 * ({@code /api/carts/me} with the session's {@code token}). One round adds the session's
 * {@code sku}, sets its quantity to a random 2 to 5, reads the cart back and checks that
 * it shows that quantity (the lost-update check), then removes the line again: a cart
 * holds at most 100 SKUs, and a looping user would otherwise fill it within seconds.
 */
final class CartSteps {

	/** The name of the lost-update check, as its failures show in the reports. */
	static final String LOST_UPDATE = "lost update: cart shows the quantity just set";

	private CartSteps() {
	}

	/** Creates a guest cart and points the session's {@code cartPath} at it. */
	static ChainBuilder createGuestCart() {
		return exec(
				http("create guest cart").post("/api/carts").check(status().is(201), jsonPath("$.id").saveAs("cartId")))
			.exec((session) -> session.set("cartPath", "/api/carts/" + session.getString("cartId")));
	}

	/** Points the session's {@code cartPath} at the signed-in customer's cart. */
	static ChainBuilder useOwnCart() {
		return exec((session) -> session.set("cartPath", "/api/carts/me"));
	}

	/**
	 * One round on the cart of {@code cartPath}.
	 * @param signedIn whether to send the session's {@code token}
	 * @return the chain
	 */
	static ChainBuilder round(boolean signedIn) {
		return exec((session) -> session.set("quantity", ThreadLocalRandom.current().nextInt(2, 6)))
			.exec(authorized(signedIn,
					http("add line").post("#{cartPath}/lines")
						.body(StringBody("{\"sku\":\"#{sku}\",\"quantity\":1}"))
						.check(status().is(200))))
			.exec(authorized(signedIn,
					http("change quantity").put("#{cartPath}/lines/#{sku}")
						.body(StringBody("{\"quantity\":#{quantity}}"))
						.check(status().is(200))))
			.exec(authorized(signedIn,
					http("read cart").get("#{cartPath}")
						.check(status().is(200),
								jsonPath("$.lines[?(@.sku == '#{sku}')].quantity").ofInt()
									.is((session) -> session.getInt("quantity"))
									.name(LOST_UPDATE))))
			.exec(authorized(signedIn, http("remove line").delete("#{cartPath}/lines/#{sku}").check(status().is(200))));
	}

	static HttpRequestActionBuilder authorized(boolean signedIn, HttpRequestActionBuilder request) {
		return signedIn ? request.header("Authorization", "Bearer #{token}") : request;
	}

}
