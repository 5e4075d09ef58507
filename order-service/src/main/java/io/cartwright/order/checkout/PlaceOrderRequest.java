package io.cartwright.order.checkout;

import java.util.UUID;

import io.cartwright.order.order.ShippingAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /orders}. Prices are not part of it: they come from the
 * catalog.
 *
 * @param cartId the customer's cart to order
 * @param shippingAddress where it goes
 * @param paymentMethod the payment method token the storefront got from the payment
 * provider
 */
record PlaceOrderRequest(@NotNull UUID cartId, @NotNull @Valid Address shippingAddress,
		@NotBlank @Size(max = 100) String paymentMethod) {

	/**
	 * A shipping address.
	 *
	 * @param name the recipient
	 * @param line1 street and number
	 * @param line2 anything else
	 * @param postalCode the postal code
	 * @param city the city
	 * @param country the ISO 3166-1 alpha-2 country code
	 */
	record Address(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String line1,
			@Size(max = 200) @Nullable String line2, @NotBlank @Size(max = 20) String postalCode,
			@NotBlank @Size(max = 100) String city, @NotNull @IsoCountry String country) {

		ShippingAddress toShippingAddress() {
			return new ShippingAddress(this.name, this.line1, this.line2, this.postalCode, this.city, this.country);
		}

	}

}
