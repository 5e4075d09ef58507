package io.cartwright.catalog.product;

import java.util.Map;

import io.cartwright.catalog.pricing.Money;

/**
 * What a variant is to be, as the product receives it.
 *
 * @param sku its SKU
 * @param options its option values (empty for a product without options)
 * @param price its price
 */
public record VariantSpec(String sku, Map<String, String> options, Money price) {

	public VariantSpec {
		options = Map.copyOf(options);
	}

}
