package io.cartwright.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A product was created in the catalog.
 *
 * @param productId the product's id
 * @param slug the product's URL slug
 * @param name the product's display name
 * @param imageUrl the product's main image, or {@code null}
 * @param status the product's status: {@code DRAFT}, {@code ACTIVE} or {@code ARCHIVED}
 * @param variants every variant of the product
 * @param version the product's version after the change; a consumer ignores an event
 * older than what it has
 * @param occurredAt when the product was created
 */
public record ProductCreated(UUID productId, String slug, String name, String imageUrl, String status,
		List<VariantSnapshot> variants, long version, Instant occurredAt) {

	/** The CloudEvents type. */
	public static final String TYPE = "io.cartwright.catalog.product.created.v1";

}
