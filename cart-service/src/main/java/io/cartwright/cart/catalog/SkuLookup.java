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

		/**
		 * The read model knew the SKU and its stock level; catalog-service was not asked.
		 */
		READ_MODEL,

		/**
		 * The read model did not know the SKU (or its stock); catalog-service answered.
		 */
		CATALOG,

		/**
		 * The read model did not know the SKU's stock level and catalog-service could not
		 * answer; the read model's snapshot did, with whatever stock level it has.
		 */
		SNAPSHOT,

		/** catalog-service says there is no such SKU. */
		UNKNOWN,

		/** catalog-service could not answer and the read model does not know the SKU. */
		UNAVAILABLE

	}

}
