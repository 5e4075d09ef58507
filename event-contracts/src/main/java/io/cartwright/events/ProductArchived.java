package io.cartwright.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A product was archived: it can no longer be sold, but stays readable by id for the
 * carts and orders that refer to it.
 *
 * @param productId the product's id
 * @param skus the SKUs of all its variants
 * @param version the product's version after the change
 * @param occurredAt when the product was archived
 */
public record ProductArchived(UUID productId, List<String> skus, long version, Instant occurredAt) {

	/** The CloudEvents type. */
	public static final String TYPE = "io.cartwright.catalog.product.archived.v1";

}
