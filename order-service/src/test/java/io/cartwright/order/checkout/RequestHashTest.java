package io.cartwright.order.checkout;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class RequestHashTest {

	private final JsonMapper json = JsonMapper.builder().build();

	private static PlaceOrderRequest request(UUID cartId, String paymentMethod, String line2) {
		return new PlaceOrderRequest(cartId,
				new PlaceOrderRequest.Address("Ada", "1 Main St", line2, "1000", "Brussels", "BE"), paymentMethod);
	}

	@Test
	void theSameParsedRequestHasTheSameHashWhateverTheJsonLookedLike() {
		UUID cartId = UUID.randomUUID();
		PlaceOrderRequest compact = this.json.readValue("""
				{"cartId":"%s","paymentMethod":"tok_visa","shippingAddress":{"country":"BE","city":"Brussels",
				"postalCode":"1000","line1":"1 Main St","name":"Ada"}}""".formatted(cartId), PlaceOrderRequest.class);
		PlaceOrderRequest spaced = this.json.readValue("""
				{
				  "shippingAddress": { "name": "Ada", "line1": "1 Main St", "line2": null, "postalCode": "1000",
				    "city": "Brussels", "country": "BE" },
				  "cartId": "%s",
				  "paymentMethod": "tok_visa"
				}""".formatted(cartId), PlaceOrderRequest.class);

		assertThat(RequestHash.of(this.json, compact)).isEqualTo(RequestHash.of(this.json, spaced))
			.isEqualTo(RequestHash.of(this.json, request(cartId, "tok_visa", null)))
			.hasSize(64);
	}

	@Test
	void anyDifferentValueIsADifferentRequest() {
		UUID cartId = UUID.randomUUID();
		String hash = RequestHash.of(this.json, request(cartId, "tok_visa", null));

		assertThat(RequestHash.of(this.json, request(cartId, "tok_declined", null))).isNotEqualTo(hash);
		assertThat(RequestHash.of(this.json, request(cartId, "tok_visa", "Flat 2"))).isNotEqualTo(hash);
		assertThat(RequestHash.of(this.json, request(UUID.randomUUID(), "tok_visa", null))).isNotEqualTo(hash);
	}

}
