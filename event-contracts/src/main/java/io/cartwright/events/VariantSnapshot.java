package io.cartwright.events;

import java.util.Map;

/**
 * What other services need to know about one variant (SKU) of a product.
 *
 * @param sku the variant's stock keeping unit, unique across the catalog
 * @param options the variant's option values, for example {@code size=M, color=red}
 * @param price the current unit price
 * @param active whether the variant can be sold (its product is active and the variant
 * not archived)
 */
public record VariantSnapshot(String sku, Map<String, String> options, Money price, boolean active) {
}
