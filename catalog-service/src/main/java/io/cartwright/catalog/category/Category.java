package io.cartwright.catalog.category;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A node of the category tree. Categories refer to their parent by id: the tree is small
 * and always handled as a whole ({@link CategoryTree}), so no object graph is needed.
 */
@Entity
@Table(name = "category")
public class Category {

	@Id
	@JdbcTypeCode(SqlTypes.CHAR)
	@Column(length = 36)
	private UUID id;

	@JdbcTypeCode(SqlTypes.CHAR)
	@Column(name = "parent_id", length = 36)
	private @Nullable UUID parentId;

	private String slug;

	private String name;

	private int position;

	@Version
	private Long version;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	protected Category() {
	}

	Category(@Nullable UUID parentId, String slug, String name, int position) {
		this.id = UUID.randomUUID();
		this.parentId = parentId;
		this.slug = slug;
		this.name = name;
		this.position = position;
		this.createdAt = Instant.now();
		this.updatedAt = this.createdAt;
	}

	/**
	 * Renames, re-slugs, repositions and possibly moves this category. The caller has
	 * checked that a move is allowed ({@link CategoryTree#requireMovable}).
	 */
	void change(@Nullable UUID parentId, String slug, String name, int position) {
		this.parentId = parentId;
		this.slug = slug;
		this.name = name;
		this.position = position;
		this.updatedAt = Instant.now();
	}

	public UUID getId() {
		return this.id;
	}

	public @Nullable UUID getParentId() {
		return this.parentId;
	}

	public String getSlug() {
		return this.slug;
	}

	public String getName() {
		return this.name;
	}

	public int getPosition() {
		return this.position;
	}

	public long getVersion() {
		return (this.version != null) ? this.version : 0;
	}

}
