package io.cartwright.catalog.category;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.cartwright.catalog.web.ConflictException;
import org.jspecify.annotations.Nullable;

/**
 * The whole category tree, as it is cached and served: the root categories with their
 * children, and a fingerprint of everything in it (the ETag of the tree).
 *
 * @param roots the top-level categories, ordered by position
 * @param fingerprint changes whenever any category is added, changed, moved or removed
 */
public record CategoryTree(List<CategoryNode> roots, String fingerprint) {

	private static final Comparator<Category> ORDER = Comparator.comparingInt(Category::getPosition)
		.thenComparing(Category::getName);

	/**
	 * Builds the tree of these categories.
	 * @param categories every category
	 * @return the tree
	 */
	static CategoryTree of(List<Category> categories) {
		Map<UUID, List<Category>> byParent = new HashMap<>();
		List<Category> roots = new ArrayList<>();
		for (Category category : categories) {
			if (category.getParentId() == null) {
				roots.add(category);
			}
			else {
				byParent.computeIfAbsent(category.getParentId(), (parent) -> new ArrayList<>()).add(category);
			}
		}
		int fingerprint = categories.stream()
			.map((c) -> Objects.hash(c.getId(), c.getVersion()))
			.sorted()
			.toList()
			.hashCode();
		return new CategoryTree(nodes(roots, byParent), Integer.toHexString(fingerprint));
	}

	private static List<CategoryNode> nodes(List<Category> categories, Map<UUID, List<Category>> byParent) {
		return categories.stream()
			.sorted(ORDER)
			.map((c) -> new CategoryNode(c.getId(), c.getSlug(), c.getName(), c.getPosition(), c.getVersion(),
					nodes(byParent.getOrDefault(c.getId(), List.of()), byParent)))
			.toList();
	}

	/**
	 * Finds a category by id or slug, with the path from the root down to it.
	 * @param idOrSlug the category's id or slug
	 * @return the path, root first, the category itself last; empty if there is no such
	 * category
	 */
	public Optional<List<CategoryNode>> pathTo(String idOrSlug) {
		Deque<CategoryNode> path = new ArrayDeque<>();
		return find(this.roots, idOrSlug, path) ? Optional.of(List.copyOf(path)) : Optional.empty();
	}

	private static boolean find(List<CategoryNode> nodes, String idOrSlug, Deque<CategoryNode> path) {
		for (CategoryNode node : nodes) {
			path.addLast(node);
			if (node.id().toString().equals(idOrSlug) || node.slug().equals(idOrSlug)
					|| find(node.children(), idOrSlug, path)) {
				return true;
			}
			path.removeLast();
		}
		return false;
	}

	/**
	 * The ids of a category and all its descendants.
	 * @param id the category's id
	 * @return the ids, empty when the category is not in the tree
	 */
	Set<UUID> subtreeOf(UUID id) {
		Set<UUID> ids = new HashSet<>();
		pathTo(id.toString()).ifPresent((path) -> collect(path.getLast(), ids));
		return ids;
	}

	private static void collect(CategoryNode node, Set<UUID> ids) {
		ids.add(node.id());
		node.children().forEach((child) -> collect(child, ids));
	}

	/**
	 * Refuses to move a category under itself or one of its descendants.
	 * @param id the category to move
	 * @param newParent the parent it is to have
	 */
	void requireMovable(UUID id, @Nullable UUID newParent) {
		if (newParent != null && subtreeOf(id).contains(newParent)) {
			throw new ConflictException("category-cycle",
					"Category " + id + " cannot move into its own subtree (under " + newParent + ")");
		}
	}

}
