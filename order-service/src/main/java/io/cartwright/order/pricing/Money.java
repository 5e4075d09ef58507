package io.cartwright.order.pricing;

import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money: an integer amount in the currency's minor units and an ISO 4217
 * currency code. Never floating point.
 *
 * @param amount the amount in minor units (cents for EUR), zero or more
 * @param currency the ISO 4217 code, for example {@code EUR}
 */
public record Money(long amount, String currency) {

	public Money {
		Objects.requireNonNull(currency, "currency");
		if (amount < 0) {
			throw new IllegalArgumentException("An amount of money cannot be negative: " + amount);
		}
		Currency.getInstance(currency);
	}

	public Money times(int quantity) {
		return new Money(Math.multiplyExact(this.amount, quantity), this.currency);
	}

	public Money plus(Money other) {
		if (!this.currency.equals(other.currency)) {
			throw new IllegalArgumentException("Cannot add " + other.currency + " to " + this.currency);
		}
		return new Money(Math.addExact(this.amount, other.amount), this.currency);
	}

	public io.cartwright.events.Money toEvent() {
		return new io.cartwright.events.Money(this.amount, this.currency);
	}

	public static Money of(io.cartwright.events.Money money) {
		return new Money(money.amount(), money.currency());
	}

}
