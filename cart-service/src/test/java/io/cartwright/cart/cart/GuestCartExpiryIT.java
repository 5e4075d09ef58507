package io.cartwright.cart.cart;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import io.cartwright.cart.support.CartIntegrationTest;
import io.cartwright.infra.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class GuestCartExpiryIT extends CartIntegrationTest {

	@Autowired
	GuestCartExpiry expiry;

	@Test
	void purgesGuestCartsUntouchedForLongerThanTheTtlAndKeepsTheRest() {
		String sku = sku("OLD");
		catalog.variant(sku, 100, 10);
		UUID stale = createGuestCart();
		add(stale.toString(), sku, 1, null).expectStatus().isOk();
		UUID fresh = createGuestCart();
		UUID staleMerged = createGuestCart();
		String token = TestTokens.customer(customer());
		String customerCart = get("/carts/me", token).returnResult(Map.class).getResponseBody().get("id").toString();
		LocalDateTime longAgo = LocalDateTime.now(ZoneOffset.UTC).minusDays(31);
		jdbc.update("UPDATE cart SET updated_at = ? WHERE id IN (?, ?, ?)", longAgo, stale.toString(),
				staleMerged.toString(), customerCart);
		jdbc.update("UPDATE cart SET status = 'MERGED' WHERE id = ?", staleMerged.toString());

		assertThat(expiry.purge()).isGreaterThanOrEqualTo(2);

		get("/carts/" + stale, null).expectStatus().isNotFound();
		get("/carts/" + staleMerged, null).expectStatus().isNotFound();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM cart_line WHERE cart_id = ?", Integer.class,
				stale.toString()))
			.isZero();
		get("/carts/" + fresh, null).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
		get("/carts/" + customerCart, token).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("ACTIVE");
	}

}
