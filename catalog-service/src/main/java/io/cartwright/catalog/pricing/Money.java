package io.cartwright.catalog.pricing;

import java.util.Currency;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * An amount of money: an integer amount in the currency's minor units and an ISO 4217
 * currency code. Never floating point.
 *
 * @param amount the amount in minor units (cents for EUR), zero or more
 * @param currency the ISO 4217 code, for example {@code EUR}
 */
@Embeddable
public record Money(@Column(name = "price_amount") long amount, @Column(name = "currency") String currency) {

	public Money {
		Objects.requireNonNull(currency, "currency");
		if (amount < 0) {
			throw new IllegalArgumentException("A price cannot be negative: " + amount);
		}
		Currency.getInstance(currency);
	}

	public static Money of(long amount, String currency) {
		return new Money(amount, currency);
	}

	/**
	 * This amount as the event contracts carry it.
	 * @return the wire form
	 */
	public io.cartwright.events.Money toEvent() {
		return new io.cartwright.events.Money(this.amount, this.currency);
	}

}
