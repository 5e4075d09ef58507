package io.cartwright.catalog.product;

import java.util.List;
import java.util.UUID;

/**
 * The fields of a product other than its variants and status, as the product receives
 * them.
 *
 * @param slug its URL slug
 * @param name its display name
 * @param description its description
 * @param categoryId its category
 * @param images its image URLs, the main one first
 */
public record ProductDetailsSpec(String slug, String name, String description, UUID categoryId, List<String> images) {

	public ProductDetailsSpec {
		images = List.copyOf(images);
	}

}
