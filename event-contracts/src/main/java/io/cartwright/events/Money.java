package io.cartwright.events;

/**
 * An amount of money on the wire: an integer amount in the currency's minor units (cents)
 * and its ISO 4217 code, {@code {"amount": 1999, "currency": "EUR"}} for 19.99 EUR.
 *
 * @param amount the amount in minor units
 * @param currency the ISO 4217 currency code
 */
public record Money(long amount, String currency) {
}
