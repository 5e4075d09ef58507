package io.cartwright.catalog.category;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the category tree, cached in Redis as a whole. */
@Service
public class CategoryQueries {

	/** The cache holding the whole tree under the key {@link #TREE_KEY}. */
	public static final String TREE_CACHE = "category-tree";

	static final String TREE_KEY = "all";

	private final CategoryRepository categories;

	CategoryQueries(CategoryRepository categories) {
		this.categories = categories;
	}

	/**
	 * The whole category tree.
	 * @return the tree, from the cache when it is there
	 */
	@Cacheable(cacheNames = TREE_CACHE, key = "'" + TREE_KEY + "'")
	@Transactional(readOnly = true)
	public CategoryTree tree() {
		return CategoryTree.of(this.categories.findAll());
	}

}
