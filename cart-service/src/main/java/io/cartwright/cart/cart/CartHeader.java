package io.cartwright.cart.cart;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A cart without its lines: enough to check who may see it and which cached view is
 * current.
 *
 * @param id the cart
 * @param customerId its owner, or null for a guest cart
 * @param status its status
 * @param version its version, the ETag
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
record CartHeader(UUID id, @Nullable String customerId, CartStatus status, long version, Instant createdAt,
		Instant updatedAt) {

	boolean isVisibleTo(@Nullable String subject) {
		return this.customerId == null || this.customerId.equals(subject);
	}

}
