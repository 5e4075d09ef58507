package io.cartwright.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cartwright.launcher.PkceSignIn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Live order status through the gateway, as a storefront follows it: signed in with
 * auth-server's real tokens, streaming over the real services, Kafka and the saga.
 */
class LiveOrderStatusIT {

	@Test
	void aClientConnectedBeforeCheckoutReceivesEveryStatusUpToConfirmedInOrder() {
		String sku = StaffCatalog.publish(StaffCatalog.category("Live"), "Live Item", 2500, 5).sku();
		Accounts.Account account = Accounts.signUp();
		PkceSignIn.Tokens tokens = Accounts.signIn(account.email(), account.password());
		Storefront customer = Storefront.as(tokens.accessToken());
		String cartId = customer.get("/api/carts/me").json().get("id").asString();
		assertThat(customer.post("/api/carts/me/lines", Map.of("sku", sku, "quantity", 2)).status()).isEqualTo(200);
		String myOrders = RunningPlatform.gateway() + "/api/customers/me/orders/events";

		try (EventStream stream = EventStream.open(myOrders, tokens.accessToken(), null)) {
			assertThat(stream.status()).isEqualTo(200);
			EventStream.Event snapshot = stream.next();
			assertThat(snapshot.name()).isEqualTo("snapshot");
			assertThat(snapshot.json().get("orders")).isEmpty();

			Storefront.Response placed = customer.withHeader("Idempotency-Key", UUID.randomUUID().toString())
				.post("/api/orders", Map.of("cartId", cartId, "shippingAddress", CheckoutJourneyIT.ADDRESS,
						"paymentMethod", CheckoutJourneyIT.SimulatedCards.APPROVE));
			assertThat(placed.status()).as(placed.toString()).isEqualTo(202);
			String order = placed.json().get("id").asString();

			List<EventStream.Event> events = stream.next(4);
			assertThat(events).extracting(EventStream.Event::name)
				.containsExactly("PENDING", "RESERVED", "AUTHORIZED", "CONFIRMED");
			assertThat(events).extracting(EventStream.Event::numericId).containsExactly(1L, 2L, 3L, 4L);
			assertThat(events)
				.allSatisfy((event) -> assertThat(event.json().get("orderId").asString()).isEqualTo(order));
			assertThat(events.get(3).json().get("order").get("total").get("amount").asLong()).isEqualTo(5000);
			assertThat(stream.drain(Duration.ofSeconds(1))).isEmpty();

			// The order's own stream, resumed after RESERVED, replays exactly the rest.
			String orderEvents = RunningPlatform.gateway() + "/api/orders/" + order + "/events";
			try (EventStream resumed = EventStream.open(orderEvents, tokens.accessToken(), "2")) {
				assertThat(resumed.next(2)).extracting(EventStream.Event::id, EventStream.Event::name)
					.containsExactly(tuple("3", "AUTHORIZED"), tuple("4", "CONFIRMED"));
			}

			// Nobody else follows it: another customer is told it does not exist, and
			// nobody gets in without a token.
			Accounts.Account other = Accounts.signUp();
			String otherToken = Accounts.signIn(other.email(), other.password()).accessToken();
			try (EventStream stranger = EventStream.open(orderEvents, otherToken, null)) {
				assertThat(stranger.status()).isEqualTo(404);
				assertThat(stranger.problem().get("type").asString()).isEqualTo("urn:cartwright:problem:not-found");
			}
			try (EventStream anonymous = EventStream.open(orderEvents, null, null)) {
				assertThat(anonymous.status()).isEqualTo(401);
			}
			try (EventStream anonymous = EventStream.open(myOrders, null, null)) {
				assertThat(anonymous.status()).isEqualTo(401);
			}
		}
	}

}
