package io.cartwright.catalog.category;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.cartwright.catalog.audit.AuditTrail;
import io.cartwright.catalog.config.CacheEvictions;
import io.cartwright.catalog.product.ProductSearch;
import io.cartwright.catalog.web.ConflictException;
import io.cartwright.catalog.web.ResourceNotFoundException;
import io.cartwright.catalog.web.UnprocessableException;
import io.cartwright.catalog.web.Versions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff changes to the category tree. Every change evicts the cached tree once it has
 * committed.
 */
@Service
public class Categories {

	private static final Logger log = LoggerFactory.getLogger(Categories.class);

	/** The entity type of categories in the audit trail. */
	static final String ENTITY = "category";

	private final CategoryRepository categories;

	private final JdbcClient jdbc;

	private final CacheEvictions evictions;

	private final AuditTrail audit;

	Categories(CategoryRepository categories, JdbcClient jdbc, CacheEvictions evictions, AuditTrail audit) {
		this.categories = categories;
		this.jdbc = jdbc;
		this.evictions = evictions;
		this.audit = audit;
	}

	/**
	 * Tells whether a category exists.
	 * @param id the category's id
	 * @return whether it exists
	 */
	@Transactional(readOnly = true)
	public boolean exists(UUID id) {
		return this.categories.existsById(id);
	}

	/**
	 * Finds a category's id by its slug.
	 * @param slug the slug
	 * @return the id, if there is such a category
	 */
	@Transactional(readOnly = true)
	public Optional<UUID> idOf(String slug) {
		return this.categories.findBySlug(slug).map(Category::getId);
	}

	/**
	 * Creates a category.
	 * @param request what it is to be
	 * @return the new category
	 */
	@Transactional
	public CategoryView create(CategoryRequest request) {
		requireParent(request.parentId());
		requireFreeSlug(request.slug());
		Category category = new Category(request.parentId(), request.slug(), request.name(), request.positionOrZero());
		flush(() -> this.categories.saveAndFlush(category));
		this.evictions.evictAfterCommit(CategoryQueries.TREE_CACHE, CategoryQueries.TREE_KEY);
		this.evictions.clearAfterCommit(ProductSearch.PAGES);
		CategoryView created = CategoryView.of(category);
		this.audit.record("CATEGORY_CREATED", ENTITY, category.getId(), null, created);
		log.info("Category {} created as {}", category.getId(), category.getSlug());
		return created;
	}

	/**
	 * Replaces a category: renames, re-slugs, repositions or moves it.
	 * @param id the category
	 * @param ifMatch the client's {@code If-Match}, or {@code null}
	 * @param request what it is to be
	 * @return the changed category
	 */
	@Transactional
	public CategoryView update(UUID id, @Nullable String ifMatch, CategoryRequest request) {
		Category category = load(id);
		Versions.requireMatch("category", ifMatch, category.getVersion());
		CategoryView before = CategoryView.of(category);
		if (!category.getSlug().equals(request.slug())) {
			requireFreeSlug(request.slug());
		}
		if (!Objects.equals(category.getParentId(), request.parentId())) {
			requireParent(request.parentId());
			CategoryTree tree = CategoryTree.of(this.categories.findAll());
			tree.requireMovable(id, request.parentId());
			if (productsIn(tree.subtreeOf(id)) > 0) {
				throw new ConflictException("category-has-products",
						"Category " + id + " or one of its sub-categories still has products; move them first");
			}
		}
		category.change(request.parentId(), request.slug(), request.name(), request.positionOrZero());
		flush(this.categories::flush);
		this.evictions.evictAfterCommit(CategoryQueries.TREE_CACHE, CategoryQueries.TREE_KEY);
		this.evictions.clearAfterCommit(ProductSearch.PAGES);
		CategoryView after = CategoryView.of(category);
		this.audit.record("CATEGORY_UPDATED", ENTITY, id, before, after);
		return after;
	}

	/**
	 * Deletes a category that has neither products nor sub-categories.
	 * @param id the category
	 * @param ifMatch the client's {@code If-Match}, or {@code null}
	 */
	@Transactional
	public void delete(UUID id, @Nullable String ifMatch) {
		Category category = load(id);
		Versions.requireMatch("category", ifMatch, category.getVersion());
		if (this.jdbc.sql("SELECT COUNT(*) FROM category WHERE parent_id = ?")
			.param(id.toString())
			.query(Long.class)
			.single() > 0) {
			throw new ConflictException("category-has-children",
					"Category " + id + " still has sub-categories; delete or move them first");
		}
		if (productsIn(Set.of(id)) > 0) {
			throw new ConflictException("category-has-products",
					"Category " + id + " still has products; move them first");
		}
		CategoryView before = CategoryView.of(category);
		this.categories.delete(category);
		flush(this.categories::flush);
		this.evictions.evictAfterCommit(CategoryQueries.TREE_CACHE, CategoryQueries.TREE_KEY);
		this.evictions.clearAfterCommit(ProductSearch.PAGES);
		this.audit.record("CATEGORY_DELETED", ENTITY, id, before, null);
		log.info("Category {} deleted", id);
	}

	// The checks above read before they write; a concurrent write that slips in between
	// (the same slug, a product added to the category) is caught by the constraints.
	private static void flush(Runnable flush) {
		try {
			flush.run();
		}
		catch (DataIntegrityViolationException ex) {
			throw new ConflictException("concurrent-change",
					"A concurrent change conflicts with this one (a slug taken, a product or sub-category added); read again and retry");
		}
	}

	private Category load(UUID id) {
		return this.categories.findById(id).orElseThrow(() -> new ResourceNotFoundException("category", id));
	}

	private void requireParent(@Nullable UUID parentId) {
		if (parentId != null && !this.categories.existsById(parentId)) {
			throw new UnprocessableException("unknown-category", "There is no parent category " + parentId);
		}
	}

	private void requireFreeSlug(String slug) {
		if (this.categories.existsBySlug(slug)) {
			throw new ConflictException("duplicate-slug", "A category with slug '" + slug + "' already exists");
		}
	}

	// Products are another aggregate in another package; counting them by SQL keeps this
	// package from depending on it (product already depends on category).
	private long productsIn(Collection<UUID> categoryIds) {
		return this.jdbc.sql("SELECT COUNT(*) FROM product WHERE category_id IN (:ids)")
			.param("ids", categoryIds.stream().map(UUID::toString).toList())
			.query(Long.class)
			.single();
	}

}
