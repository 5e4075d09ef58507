package io.cartwright.cart.cart;

import java.util.Map;
import java.util.UUID;

import io.cartwright.cart.support.CartIntegrationTest;
import io.cartwright.infra.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

class CartMergeIT extends CartIntegrationTest {

	@Test
	void movesTheGuestLinesIntoTheCustomersCartAndRetiresTheGuestCart() {
		String shared = sku("BOTH");
		String guestOnly = sku("GUEST");
		String mineOnly = sku("MINE");
		catalog.variant(shared, 100, 500);
		catalog.variant(guestOnly, 200, 500);
		catalog.variant(mineOnly, 300, 500);
		String token = TestTokens.customer(customer());
		String mine = get("/carts/me", token).returnResult(Map.class).getResponseBody().get("id").toString();
		add(mine, shared, 2, token).expectStatus().isOk();
		add(mine, mineOnly, 1, token).expectStatus().isOk();
		UUID guest = createGuestCart();
		add(guest.toString(), shared, 3, null).expectStatus().isOk();
		add(guest.toString(), guestOnly, 4, null).expectStatus().isOk();

		merge(token, guest).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(mine)
			.jsonPath("$.lines.length()")
			.isEqualTo(3)
			.jsonPath("$.lines[?(@.sku == '" + shared + "')].quantity")
			.isEqualTo(5)
			.jsonPath("$.lines[?(@.sku == '" + guestOnly + "')].quantity")
			.isEqualTo(4)
			.jsonPath("$.lines[?(@.sku == '" + mineOnly + "')].quantity")
			.isEqualTo(1)
			.jsonPath("$.subtotal.amount")
			.isEqualTo(5 * 100 + 4 * 200 + 300);
		get("/carts/" + guest, null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("MERGED")
			.jsonPath("$.lines")
			.isEmpty();
		add(guest.toString(), guestOnly, 1, null).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:cart-not-active");
	}

	@Test
	void mergingTheSameGuestCartAgainChangesNothing() {
		String sku = sku("ONCE");
		catalog.variant(sku, 100, 500);
		String token = TestTokens.customer(customer());
		UUID guest = createGuestCart();
		add(guest.toString(), sku, 3, null).expectStatus().isOk();
		String etag = merge(token, guest).expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.getETag();
		merge(token, guest).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, etag)
			.expectBody()
			.jsonPath("$.lines[0].quantity")
			.isEqualTo(3);
	}

	@Test
	void keepsTheLimitsWhenMerging() {
		String sku = sku("CAP");
		catalog.variant(sku, 100, 500);
		String token = TestTokens.customer(customer());
		String mine = get("/carts/me", token).returnResult(Map.class).getResponseBody().get("id").toString();
		add(mine, sku, 70, token).expectStatus().isOk();
		UUID guest = createGuestCart();
		add(guest.toString(), sku, 50, null).expectStatus().isOk();
		merge(token, guest).expectStatus().isOk().expectBody().jsonPath("$.lines[0].quantity").isEqualTo(99);
	}

	@Test
	void refusesToMergeAnotherCustomersCartOrAnUnknownOne() {
		String token = TestTokens.customer(customer());
		String someoneElse = TestTokens.customer(customer());
		String theirs = get("/carts/me", someoneElse).returnResult(Map.class).getResponseBody().get("id").toString();
		merge(token, UUID.fromString(theirs)).expectStatus().isNotFound();
		merge(token, UUID.randomUUID()).expectStatus().isNotFound();
		String mine = get("/carts/me", token).returnResult(Map.class).getResponseBody().get("id").toString();
		merge(token, UUID.fromString(mine)).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:not-a-guest-cart");
		http.post()
			.uri("/carts/me/merge")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of())
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("guestCartId");
		UUID guest = createGuestCart();
		merge(null, guest).expectStatus().isUnauthorized();
	}

	private RestTestClient.ResponseSpec merge(String token, UUID guest) {
		RestTestClient.RequestBodySpec request = http.post()
			.uri("/carts/me/merge")
			.contentType(MediaType.APPLICATION_JSON);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return request.body(Map.of("guestCartId", guest.toString())).exchange();
	}

}
