package io.cartwright.cart.catalog;

import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

/**
 * The answer to "what is this SKU?" when a customer adds it to a cart.
 *
 * @param outcome where the answer came from, or why there is none
 * @param sku the SKU's snapshot when known
 * @param available the sellable quantity when known
 */
public record SkuLookup(Outcome outcome, @Nullable SkuSnapshot sku, OptionalLong available) {

	/** Where an answer came from. */
	public enum Outcome {

		/** catalog-service answered just now. */
		CATALOG,

		/** catalog-service could not answer; the local snapshot did. */
		SNAPSHOT,

		/** catalog-service says there is no such SKU. */
		UNKNOWN,

		/** catalog-service could not answer and the snapshot does not know the SKU. */
		UNAVAILABLE

	}

}
