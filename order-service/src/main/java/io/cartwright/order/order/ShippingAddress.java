package io.cartwright.order.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * Where the order goes.
 *
 * @param name the recipient
 * @param line1 street and number
 * @param line2 anything else, or {@code null}
 * @param postalCode the postal code
 * @param city the city
 * @param country the ISO 3166-1 alpha-2 country code
 */
@Embeddable
public record ShippingAddress(@Column(name = "ship_name") String name, @Column(name = "ship_line1") String line1,
		@Column(name = "ship_line2") @Nullable String line2, @Column(name = "ship_postal_code") String postalCode,
		@Column(name = "ship_city") String city, @Column(name = "ship_country") String country) {
}
