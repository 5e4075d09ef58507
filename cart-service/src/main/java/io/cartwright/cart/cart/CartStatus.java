package io.cartwright.cart.cart;

/** Where a cart is in its life. Only an {@link #ACTIVE} cart can change. */
public enum CartStatus {

	/** Being filled. */
	ACTIVE,

	/** An order was confirmed for it. */
	CHECKED_OUT,

	/** A guest cart whose lines went into a customer's cart at sign-in. */
	MERGED,

	/** A guest cart nobody touched for the configured time; about to be purged. */
	EXPIRED

}
