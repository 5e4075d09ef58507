package io.cartwright.catalog.product;

/** Where a product is in its life: only {@code ACTIVE} products are listed and sold. */
public enum ProductStatus {

	/** Being prepared by staff; invisible to the public. */
	DRAFT,

	/** Listed and sold. */
	ACTIVE,

	/** No longer sold or listed, but still readable by id and slug. */
	ARCHIVED

}
