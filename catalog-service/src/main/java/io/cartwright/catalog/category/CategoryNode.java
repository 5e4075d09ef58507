package io.cartwright.catalog.category;

import java.util.List;
import java.util.UUID;

/**
 * One category of the tree with its children, ordered by position.
 *
 * @param id the category's id
 * @param slug its URL slug
 * @param name its display name
 * @param position its place among its siblings
 * @param version its version, the ETag of its writes
 * @param children its sub-categories, ordered by position
 */
public record CategoryNode(UUID id, String slug, String name, int position, long version, List<CategoryNode> children) {

}
