package io.cartwright.catalog.product;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.cartwright.catalog.pricing.Money;
import io.cartwright.catalog.web.ConflictException;
import io.cartwright.catalog.web.ResourceNotFoundException;
import io.cartwright.catalog.web.UnprocessableException;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.type.SqlTypes;

/**
 * A product with its variants: the aggregate root of the catalog. It guards its own
 * rules: at least one variant, one currency, distinct SKUs and option combinations,
 * status changes only along DRAFT → ACTIVE ⇄ ARCHIVED (and DRAFT → ARCHIVED), and the
 * listing price ({@code min_price}) always the lowest active variant price.
 */
@Entity
@Table(name = "product")
public class Product {

	/** The most variants a product may have, archived ones included. */
	public static final int MAX_VARIANTS = 50;

	@Id
	@JdbcTypeCode(SqlTypes.CHAR)
	@Column(length = 36)
	private UUID id;

	private String slug;

	private String name;

	@Column(columnDefinition = "TEXT")
	private String description;

	@JdbcTypeCode(SqlTypes.CHAR)
	@Column(name = "category_id", length = 36)
	private UUID categoryId;

	@Enumerated(EnumType.STRING)
	private ProductStatus status;

	@Embedded
	@AttributeOverride(name = "amount", column = @Column(name = "min_price"))
	private Money minPrice;

	@Version
	private Long version;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	// Every change goes through changed(), which updates the row and so its version; the
	// collection itself must not bump the version again on its own flush.
	@OptimisticLock(excluded = true)
	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "product_image", joinColumns = @JoinColumn(name = "product_id"))
	@OrderColumn(name = "position")
	@Column(name = "url")
	private List<String> images = new ArrayList<>();

	@OptimisticLock(excluded = true)
	@OneToMany(mappedBy = "product", cascade = CascadeType.ALL)
	@OrderBy("position")
	private List<Variant> variants = new ArrayList<>();

	protected Product() {
	}

	/**
	 * A new product.
	 * @param details its slug, name, description, category and images
	 * @param variants its variants
	 * @param status {@code DRAFT} or {@code ACTIVE}
	 * @return the product
	 */
	static Product create(ProductDetailsSpec details, List<VariantSpec> variants, ProductStatus status) {
		if (status == ProductStatus.ARCHIVED) {
			throw new UnprocessableException("illegal-status", "A product cannot be created archived");
		}
		Product product = new Product();
		product.id = UUID.randomUUID();
		product.status = status;
		product.createdAt = Instant.now();
		product.apply(details, variants);
		return product;
	}

	/**
	 * Replaces the product's fields and variants. Variants that are not named any more
	 * are archived, never deleted: carts and orders refer to their SKUs.
	 * @param details its new slug, name, description, category and images
	 * @param variants every variant it is to have
	 */
	void update(ProductDetailsSpec details, List<VariantSpec> variants) {
		if (this.status == ProductStatus.ARCHIVED) {
			throw new ConflictException("product-archived", "Product " + this.id + " is archived; activate it first");
		}
		apply(details, variants);
	}

	private void apply(ProductDetailsSpec details, List<VariantSpec> specs) {
		requireValid(specs);
		this.slug = details.slug();
		this.name = details.name();
		this.description = details.description();
		this.categoryId = details.categoryId();
		if (!this.images.equals(details.images())) {
			this.images.clear();
			this.images.addAll(details.images());
		}
		Set<String> named = new HashSet<>();
		for (int position = 0; position < specs.size(); position++) {
			VariantSpec spec = specs.get(position);
			named.add(spec.sku());
			Optional<Variant> existing = variant(spec.sku());
			if (existing.isPresent()) {
				existing.get().replace(spec.options(), spec.price(), position);
			}
			else {
				this.variants.add(new Variant(this, spec.sku(), spec.options(), spec.price(), position));
			}
		}
		this.variants.stream().filter((v) -> !named.contains(v.getSku())).forEach(Variant::archive);
		if (this.variants.stream().map((v) -> v.getPrice().currency()).distinct().count() > 1) {
			throw new UnprocessableException("mixed-currencies",
					"All variants of a product, archived ones included, have one currency");
		}
		if (this.variants.size() > MAX_VARIANTS) {
			throw new UnprocessableException("too-many-variants",
					"A product can have at most " + MAX_VARIANTS + " variants, archived ones included");
		}
		changed();
	}

	private void requireValid(List<VariantSpec> specs) {
		if (specs.isEmpty()) {
			throw new UnprocessableException("no-variants", "A product needs at least one variant");
		}
		if (specs.stream().map((s) -> s.price().currency()).distinct().count() > 1) {
			throw new UnprocessableException("mixed-currencies", "All variants of a product have one currency");
		}
		if (specs.stream().map(VariantSpec::sku).distinct().count() < specs.size()) {
			throw new ConflictException("duplicate-sku", "The variants of a product have distinct SKUs");
		}
		if (specs.stream().map(VariantSpec::options).distinct().count() < specs.size()) {
			throw new UnprocessableException("duplicate-options",
					"The variants of a product have distinct option values (a product without options has one variant)");
		}
	}

	/** Puts the product on sale: from DRAFT, or back from ARCHIVED. */
	void activate() {
		if (this.status == ProductStatus.ACTIVE) {
			throw new ConflictException("illegal-transition", "Product " + this.id + " is already active");
		}
		this.status = ProductStatus.ACTIVE;
		changed();
	}

	/** Takes the product off sale and out of listings; it stays readable. */
	void archive() {
		if (this.status == ProductStatus.ARCHIVED) {
			throw new ConflictException("illegal-transition", "Product " + this.id + " is already archived");
		}
		this.status = ProductStatus.ARCHIVED;
		changed();
	}

	/**
	 * Stops selling one variant. The last active variant of a product cannot go: archive
	 * the product instead.
	 * @param sku the variant's SKU
	 */
	void archiveVariant(String sku) {
		Variant variant = variant(sku).orElseThrow(() -> new ResourceNotFoundException("variant", sku));
		if (!variant.isActive()) {
			throw new ConflictException("illegal-transition", "Variant " + sku + " is already archived");
		}
		if (this.variants.stream().filter(Variant::isActive).count() == 1) {
			throw new ConflictException("last-variant",
					"Variant " + sku + " is the last active one of its product; archive the product instead");
		}
		variant.archive();
		changed();
	}

	// The row itself changes on every change (updated_at, often min_price), so that its
	// version grows even when only a variant changed: ETags and event versions rely on
	// it.
	private void changed() {
		this.updatedAt = Instant.now();
		this.minPrice = this.variants.stream()
			.filter(Variant::isActive)
			.map(Variant::getPrice)
			.min(Comparator.comparingLong(Money::amount))
			.orElse(this.minPrice);
	}

	private Optional<Variant> variant(String sku) {
		return this.variants.stream().filter((v) -> v.getSku().equals(sku)).findFirst();
	}

	public UUID getId() {
		return this.id;
	}

	public String getSlug() {
		return this.slug;
	}

	public String getName() {
		return this.name;
	}

	public String getDescription() {
		return this.description;
	}

	public UUID getCategoryId() {
		return this.categoryId;
	}

	public ProductStatus getStatus() {
		return this.status;
	}

	public Money getMinPrice() {
		return this.minPrice;
	}

	public long getVersion() {
		return (this.version != null) ? this.version : 0;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public List<String> getImages() {
		return List.copyOf(this.images);
	}

	/**
	 * The variants, ordered by position, archived ones included.
	 * @return a copy
	 */
	public List<Variant> getVariants() {
		return List.copyOf(this.variants);
	}

}
