package io.cartwright.cart.cart;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.cartwright.cart.support.CartIntegrationTest;
import io.cartwright.infra.test.TestTokens;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cart API as a storefront calls it: guest carts, the customer's cart, every limit
 * and error.
 */
class CartApiIT extends CartIntegrationTest {

	@Nested
	class GuestCarts {

		@Test
		void createsAGuestCartWithLocationAndETag() {
			http.post()
				.uri("/carts")
				.exchange()
				.expectStatus()
				.isCreated()
				.expectHeader()
				.valueMatches(HttpHeaders.LOCATION, "/carts/[0-9a-f-]{36}")
				.expectHeader()
				.valueEquals(HttpHeaders.ETAG, "\"0\"")
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("ACTIVE")
				.jsonPath("$.lines")
				.isEmpty()
				.jsonPath("$.itemCount")
				.isEqualTo(0)
				.jsonPath("$.subtotal.amount")
				.isEqualTo(0)
				.jsonPath("$.subtotal.currency")
				.isEqualTo("EUR");
		}

		@Test
		void givesGuestCartsRandomVersion4Ids() {
			List<UUID> ids = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				ids.add(createGuestCart());
			}
			assertThat(ids).allSatisfy((id) -> {
				assertThat(id.version()).isEqualTo(4);
				assertThat(id.variant()).isEqualTo(2);
			});
			assertThat(new HashSet<>(ids)).hasSize(10);
			// No shared prefix or counter: consecutive ids differ in their leading bits.
			Set<String> prefixes = new HashSet<>();
			ids.forEach((id) -> prefixes.add(id.toString().substring(0, 4)));
			assertThat(prefixes).hasSizeGreaterThan(5);
			for (int i = 1; i < ids.size(); i++) {
				long step = ids.get(i).getMostSignificantBits() - ids.get(i - 1).getMostSignificantBits();
				assertThat(Math.abs(step)).isGreaterThan(1L << 20);
			}
		}

		@Test
		void readsAGuestCartByIdWithItsETag() {
			UUID cart = createGuestCart();
			get("/carts/" + cart, null).expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals(HttpHeaders.ETAG, "\"0\"")
				.expectBody()
				.jsonPath("$.id")
				.isEqualTo(cart.toString());
		}

		@Test
		void answersAnUnknownCartWith404() {
			get("/carts/" + UUID.randomUUID(), null).expectStatus()
				.isNotFound()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:cartwright:problem:not-found");
		}

		@Test
		void answersAMalformedCartIdWith400() {
			get("/carts/12345", null).expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:cartwright:problem:invalid-request");
		}

	}

	@Nested
	class Lines {

		@Test
		void addsALineAndPricesTheCart() {
			String sku = sku("TEE");
			catalog.variant(sku, 1999, 50);
			UUID cart = createGuestCart();
			add(cart.toString(), sku, 2, null).expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals(HttpHeaders.ETAG, "\"1\"")
				.expectBody()
				.jsonPath("$.lines.length()")
				.isEqualTo(1)
				.jsonPath("$.lines[0].sku")
				.isEqualTo(sku)
				.jsonPath("$.lines[0].productName")
				.isEqualTo("Product " + sku)
				.jsonPath("$.lines[0].quantity")
				.isEqualTo(2)
				.jsonPath("$.lines[0].unitPrice.amount")
				.isEqualTo(1999)
				.jsonPath("$.lines[0].lineTotal.amount")
				.isEqualTo(3998)
				.jsonPath("$.lines[0].available")
				.isEqualTo(true)
				.jsonPath("$.lines[0].priceChanged")
				.doesNotExist()
				.jsonPath("$.itemCount")
				.isEqualTo(2)
				.jsonPath("$.subtotal.amount")
				.isEqualTo(3998)
				.jsonPath("$.subtotal.currency")
				.isEqualTo("EUR");
		}

		@Test
		void addingAnSkuAlreadyThereAddsToItsLine() {
			String sku = sku("MUG");
			catalog.variant(sku, 500, 50);
			UUID cart = createGuestCart();
			add(cart.toString(), sku, 2, null).expectStatus().isOk();
			add(cart.toString(), sku, 3, null).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.lines.length()")
				.isEqualTo(1)
				.jsonPath("$.lines[0].quantity")
				.isEqualTo(5)
				.jsonPath("$.subtotal.amount")
				.isEqualTo(2500);
		}

		@Test
		void changesAQuantityAndRemovesALineAtZero() {
			String a = sku("A");
			String b = sku("B");
			catalog.variant(a, 100, 50);
			catalog.variant(b, 200, 50);
			UUID cart = createGuestCart();
			add(cart.toString(), a, 1, null).expectStatus().isOk();
			add(cart.toString(), b, 1, null).expectStatus().isOk();
			put("/carts/" + cart + "/lines/" + a, 7, null).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.lines[?(@.sku == '" + a + "')].quantity")
				.isEqualTo(7)
				.jsonPath("$.subtotal.amount")
				.isEqualTo(900);
			put("/carts/" + cart + "/lines/" + a, 0, null).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.lines.length()")
				.isEqualTo(1)
				.jsonPath("$.lines[0].sku")
				.isEqualTo(b);
		}

		@Test
		void removesALineAndClearsTheCart() {
			String a = sku("A");
			String b = sku("B");
			catalog.variant(a, 100, 50);
			catalog.variant(b, 200, 50);
			UUID cart = createGuestCart();
			add(cart.toString(), a, 1, null).expectStatus().isOk();
			add(cart.toString(), b, 1, null).expectStatus().isOk();
			http.delete()
				.uri("/carts/" + cart + "/lines/" + a)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.lines.length()")
				.isEqualTo(1);
			http.delete()
				.uri("/carts/" + cart + "/lines/" + a)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:cartwright:problem:not-found");
			http.delete()
				.uri("/carts/" + cart + "/lines")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.lines")
				.isEmpty()
				.jsonPath("$.subtotal.amount")
				.isEqualTo(0);
		}

		@Test
		void changingALineThatIsNotThereIs404() {
			UUID cart = createGuestCart();
			put("/carts/" + cart + "/lines/NOPE", 3, null).expectStatus().isNotFound();
		}

	}

	@Nested
	class Limits {

		@Test
		void refusesAQuantityOutsideOneTo99WithFieldErrors() {
			UUID cart = createGuestCart();
			add(cart.toString(), "X", 0, null).expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:cartwright:problem:validation")
				.jsonPath("$.errors[0].field")
				.isEqualTo("quantity");
			add(cart.toString(), "X", 100, null).expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("quantity");
			put("/carts/" + cart + "/lines/X", 100, null).expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("quantity");
			put("/carts/" + cart + "/lines/X", -1, null).expectStatus().isBadRequest();
		}

		@Test
		void refusesAMissingSkuAndBadJson() {
			UUID cart = createGuestCart();
			http.post()
				.uri("/carts/" + cart + "/lines")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("quantity", 1))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("sku");
			http.post()
				.uri("/carts/" + cart + "/lines")
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"sku\": \"A\", \"quantity\": ")
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
			http.post()
				.uri("/carts/" + cart + "/lines")
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"sku\": \"A\", \"quantity\": \"many\"}")
				.exchange()
				.expectStatus()
				.isBadRequest();
		}

		@Test
		void refusesALineAbove99InsteadOfClampingIt() {
			String sku = sku("BULK");
			catalog.variant(sku, 100, 500);
			UUID cart = createGuestCart();
			add(cart.toString(), sku, 60, null).expectStatus().isOk();
			add(cart.toString(), sku, 40, null).expectStatus()
				.isEqualTo(422)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:cartwright:problem:quantity-limit")
				.jsonPath("$.detail")
				.value((detail) -> assertThat(detail.toString()).contains("99").contains("60"));
			add(cart.toString(), sku, 39, null).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.lines[0].quantity")
				.isEqualTo(99);
		}

		@Test
		void refusesThe101stLine() {
			UUID cart = createGuestCart();
			String prefix = sku("MANY");
			for (int i = 0; i < 100; i++) {
				catalog.variant(prefix + "-" + i, 100, 10);
				add(cart.toString(), prefix + "-" + i, 1, null).expectStatus().isOk();
			}
			catalog.variant(prefix + "-100", 100, 10);
			add(cart.toString(), prefix + "-100", 1, null).expectStatus()
				.isEqualTo(422)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:cartwright:problem:line-limit");
			// adding to a line that is there still works
			add(cart.toString(), prefix + "-0", 1, null).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.lineCount")
				.isEqualTo(100)
				.jsonPath("$.itemCount")
				.isEqualTo(101);
		}

		@Test
		void refusesAnUnknownSku() {
			UUID cart = createGuestCart();
			add(cart.toString(), sku("GHOST"), 1, null).expectStatus()
				.isEqualTo(422)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:cartwright:problem:unknown-sku");
		}

		@Test
		void refusesAnArchivedSku() {
			String sku = sku("OLD");
			catalog.variant(sku, UUID.randomUUID(), "Old thing", 100, false, 10, 3);
			UUID cart = createGuestCart();
			add(cart.toString(), sku, 1, null).expectStatus()
				.isEqualTo(422)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:cartwright:problem:sku-unavailable");
		}

		@Test
		void refusesAnSkuOutOfStockOrMoreThanIsInStock() {
			String gone = sku("GONE");
			String few = sku("FEW");
			catalog.variant(gone, 100, 0);
			catalog.variant(few, 100, 3);
			UUID cart = createGuestCart();
			add(cart.toString(), gone, 1, null).expectStatus()
				.isEqualTo(422)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:cartwright:problem:out-of-stock");
			add(cart.toString(), few, 2, null).expectStatus().isOk();
			add(cart.toString(), few, 2, null).expectStatus()
				.isEqualTo(422)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:cartwright:problem:out-of-stock");
		}

		@Test
		void honoursIfMatchOnWrites() {
			String sku = sku("TAG");
			catalog.variant(sku, 100, 10);
			UUID cart = createGuestCart();
			http.post()
				.uri("/carts/" + cart + "/lines")
				.header(HttpHeaders.IF_MATCH, "\"0\"")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("sku", sku, "quantity", 1))
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals(HttpHeaders.ETAG, "\"1\"");
			http.post()
				.uri("/carts/" + cart + "/lines")
				.header(HttpHeaders.IF_MATCH, "\"0\"")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("sku", sku, "quantity", 1))
				.exchange()
				.expectStatus()
				.isEqualTo(412)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:cartwright:problem:stale-version");
			get("/carts/" + cart, null).expectBody().jsonPath("$.lines[0].quantity").isEqualTo(1);
		}

	}

	@Nested
	class CustomerCarts {

		@Test
		void createsTheCustomersCartOnFirstUseAndKeepsIt() {
			String token = TestTokens.customer(customer());
			String first = get("/carts/me", token).expectStatus()
				.isOk()
				.returnResult(Map.class)
				.getResponseBody()
				.get("id")
				.toString();
			get("/carts/me", token).expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(first);
		}

		@Test
		void changesTheCustomersCartUnderMe() {
			String sku = sku("ME");
			catalog.variant(sku, 300, 10);
			String token = TestTokens.customer(customer());
			http.post()
				.uri("/carts/me/lines")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("sku", sku, "quantity", 2))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.subtotal.amount")
				.isEqualTo(600);
			put("/carts/me/lines/" + sku, 5, token).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.lines[0].quantity")
				.isEqualTo(5);
			http.delete()
				.uri("/carts/me/lines/" + sku)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.lines")
				.isEmpty();
			http.delete()
				.uri("/carts/me/lines")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.exchange()
				.expectStatus()
				.isOk();
		}

		@Test
		void anotherCustomersTokenGets404OnSomeonesCart() {
			String sku = sku("MINE");
			catalog.variant(sku, 300, 10);
			String owner = TestTokens.customer(customer());
			String other = TestTokens.customer(customer());
			String cart = get("/carts/me", owner).returnResult(Map.class).getResponseBody().get("id").toString();
			add(cart, sku, 1, owner).expectStatus().isOk();
			get("/carts/" + cart, owner).expectStatus().isOk();
			get("/carts/" + cart, other).expectStatus()
				.isNotFound()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:cartwright:problem:not-found");
			get("/carts/" + cart, null).expectStatus().isNotFound();
			add(cart, sku, 1, other).expectStatus().isNotFound();
			add(cart, sku, 1, null).expectStatus().isNotFound();
			get("/carts/" + cart, owner).expectBody().jsonPath("$.lines[0].quantity").isEqualTo(1);
		}

		@Test
		void needsACustomerTokenForMe() {
			get("/carts/me", null).expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:cartwright:problem:unauthorized");
			get("/carts/me", TestTokens.staff("staff-1")).expectStatus()
				.isForbidden()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:cartwright:problem:forbidden");
			get("/carts/me", TestTokens.expired(customer(), "CUSTOMER")).expectStatus().isUnauthorized();
		}

		@Test
		void refusesAnInvalidTokenEvenOnAGuestCart() {
			UUID cart = createGuestCart();
			get("/carts/" + cart, TestTokens.signedByAnotherKey(customer(), "CUSTOMER")).expectStatus()
				.isUnauthorized();
		}

	}

}
