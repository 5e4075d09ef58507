package io.cartwright.catalog.category;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One category as the API shows it, with the path of its ancestors and its direct
 * children.
 *
 * @param id its id
 * @param slug its URL slug
 * @param name its display name
 * @param position its place among its siblings
 * @param parentId its parent, or {@code null} at the top
 * @param version its version, to send back in {@code If-Match}
 * @param path its ancestors from the root down, without itself
 * @param children its direct sub-categories, ordered by position
 */
public record CategoryView(UUID id, String slug, String name, int position, @Nullable UUID parentId, long version,
		List<Ref> path, List<Ref> children) {

	/**
	 * A category named by another.
	 *
	 * @param id its id
	 * @param slug its URL slug
	 * @param name its display name
	 */
	public record Ref(UUID id, String slug, String name) {

		static Ref of(CategoryNode node) {
			return new Ref(node.id(), node.slug(), node.name());
		}

	}

	/**
	 * The view of the last category of a path.
	 * @param path the path from the root to the category
	 * @return the view
	 */
	static CategoryView of(List<CategoryNode> path) {
		CategoryNode node = path.getLast();
		List<CategoryNode> ancestors = path.subList(0, path.size() - 1);
		UUID parentId = ancestors.isEmpty() ? null : ancestors.getLast().id();
		return new CategoryView(node.id(), node.slug(), node.name(), node.position(), parentId, node.version(),
				ancestors.stream().map(Ref::of).toList(), node.children().stream().map(Ref::of).toList());
	}

	static CategoryView of(Category category) {
		return new CategoryView(category.getId(), category.getSlug(), category.getName(), category.getPosition(),
				category.getParentId(), category.getVersion(), List.of(), List.of());
	}

}
