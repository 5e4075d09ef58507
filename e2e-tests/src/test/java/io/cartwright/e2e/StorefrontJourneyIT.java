package io.cartwright.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import io.cartwright.launcher.PkceSignIn;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A shopper's whole visit through the gateway alone, as a web storefront makes it: sign
 * up, browse, fill a guest cart, sign in (authorization code with PKCE at auth-server),
 * merge the cart, check out, and find the order under "my orders".
 */
class StorefrontJourneyIT {

	static final Map<String, Object> ADDRESS = Map.of("name", "Katherine Johnson", "line1", "4 Orbit Lane",
			"postalCode", "23666", "city", "Hampton", "country", "US");

	@Test
	void aShopperSignsUpBrowsesSignsInMergesTheGuestCartAndChecksOut() {
		String categoryId = StaffCatalog.category("Journey");
		StaffCatalog.Product product = StaffCatalog.publish(categoryId, "Journey Teapot", 3900, 5);
		Accounts.Account account = Accounts.signUp();

		Storefront guest = Storefront.anonymous();
		JsonNode found = guest.get("/api/catalog/products?q=" + product.word()).json();
		assertThat(found.get("content")).extracting((item) -> item.get("id").asString()).contains(product.id());
		assertThat(guest.get("/api/catalog/products/" + product.id()).status()).isEqualTo(200);
		String guestCart = guest.post("/api/carts", null).json().get("id").asString();
		Storefront.Response added = guest.post("/api/carts/" + guestCart + "/lines",
				Map.of("sku", product.sku(), "quantity", 2));
		assertThat(added.status()).as(added.toString()).isEqualTo(200);

		PkceSignIn.Tokens tokens = Accounts.signIn(account.email(), account.password());
		JsonNode claims = claims(tokens.accessToken());
		assertThat(claims.get("sub").asString()).isEqualTo(account.id());
		assertThat(claims.get("iss").asString()).isEqualTo(RunningPlatform.get().issuer());
		assertThat(claims.get("roles")).extracting(JsonNode::asString).containsExactly("CUSTOMER");
		Storefront customer = Storefront.as(tokens.accessToken());
		Storefront.Response merged = customer.post("/api/carts/me/merge", Map.of("guestCartId", guestCart));
		assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
		assertThat(merged.json().get("lines").get(0).get("quantity").asInt()).isEqualTo(2);
		String cartId = merged.json().get("id").asString();

		Storefront.Response placed = customer.withHeader("Idempotency-Key", UUID.randomUUID().toString())
			.post("/api/orders", Map.of("cartId", cartId, "shippingAddress", ADDRESS, "paymentMethod", "tok_visa"));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(202);
		String order = placed.json().get("id").asString();
		CheckoutJourneyIT.Customer buyer = new CheckoutJourneyIT.Customer(customer, cartId);
		assertThat(buyer.awaitStatus(order, "CONFIRMED").get("total").get("amount").asLong()).isEqualTo(7800);

		JsonNode mine = customer.get("/api/orders").json();
		assertThat(mine.get("content")).extracting((o) -> o.get("id").asString()).containsExactly(order);
		StaffCatalog.awaitStock(product.sku(), 3, 0);

		PkceSignIn.Tokens refreshed = new PkceSignIn(RunningPlatform.get().issuer(), Accounts.WEB_CLIENT,
				Accounts.WEB_REDIRECT)
			.refresh(tokens.refreshToken());
		assertThat(claims(refreshed.accessToken()).get("sub").asString()).isEqualTo(account.id());
		assertThat(Storefront.as(refreshed.accessToken()).get("/api/orders/" + order).status()).isEqualTo(200);
	}

	@Test
	void aWrongPasswordAndAnUnknownEmailAreRefusedAlike() {
		Accounts.Account account = Accounts.signUp();
		assertThatThrownBy(() -> Accounts.signIn(account.email(), account.password() + "!"))
			.isInstanceOf(PkceSignIn.SignInException.class);
		assertThatThrownBy(() -> Accounts.signIn("nobody-" + StaffCatalog.unique() + "@e2e.example", "whatever pass"))
			.isInstanceOf(PkceSignIn.SignInException.class);
	}

	@Test
	void theIssuerIsDiscoveredThroughTheGateway() {
		String issuer = RunningPlatform.get().issuer();
		Storefront.Response discovery = Storefront.anonymous().get("/api/auth/.well-known/openid-configuration");
		assertThat(discovery.status()).isEqualTo(200);
		assertThat(discovery.json().get("issuer").asString()).isEqualTo(issuer);
		assertThat(discovery.json().get("token_endpoint").asString()).isEqualTo(issuer + "/oauth2/token");
		assertThat(Storefront.anonymous().get("/api/auth/oauth2/jwks").json().get("keys")).isNotEmpty();
	}

	@Test
	void aSignUpWithBadInputIsAProblemAndCreatesNothing() {
		Storefront.Response weak = Storefront.anonymous()
			.post("/api/auth/signup", Map.of("email", "not-an-email", "password", "short", "name", "X"));
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.header("Content-Type")).startsWith("application/problem+json");
		Accounts.Account account = Accounts.signUp();
		Storefront.Response again = Storefront.anonymous()
			.post("/api/auth/signup",
					Map.of("email", account.email(), "password", "another long password", "name", "Y"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(Accounts.signIn(account.email(), account.password()).accessToken()).isNotBlank();
	}

	static JsonNode claims(String jwt) {
		String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
		return JsonMapper.builder().build().readTree(payload);
	}

}
