package io.cartwright.events;

/**
 * A line of an order as the saga passes it between services.
 *
 * @param sku the SKU ordered
 * @param quantity how many
 */
public record OrderLine(String sku, int quantity) {
}
