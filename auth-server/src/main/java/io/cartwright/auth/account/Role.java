package io.cartwright.auth.account;

/** What an account may do; it becomes the token's {@code roles} claim. */
public enum Role {

	/** A shopper: their own carts and orders. */
	CUSTOMER,

	/** The back office: catalog, stock and order management. */
	STAFF

}
