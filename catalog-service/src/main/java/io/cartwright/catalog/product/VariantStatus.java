package io.cartwright.catalog.product;

/** Whether a variant can be sold. */
public enum VariantStatus {

	/** Sold while its product is active. */
	ACTIVE,

	/** No longer sold; kept for the carts and orders that refer to its SKU. */
	ARCHIVED

}
