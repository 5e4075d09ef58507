package io.cartwright.catalog.product;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.cartwright.catalog.pricing.Money;
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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;

/**
 * One sellable version of a product (a T-shirt in size M, red), identified by its SKU,
 * with its option values and price. Changed only through its {@link Product}.
 */
@Entity
@Table(name = "variant")
public class Variant {

	@Id
	private String sku;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "product_id")
	private Product product;

	private int position;

	@Embedded
	private Money price;

	@Enumerated(EnumType.STRING)
	private VariantStatus status;

	@ElementCollection(fetch = FetchType.EAGER)
	@BatchSize(size = Product.MAX_VARIANTS)
	@CollectionTable(name = "variant_option", joinColumns = @JoinColumn(name = "sku"))
	@MapKeyColumn(name = "option_name")
	@Column(name = "option_value")
	private Map<String, String> options = new LinkedHashMap<>();

	protected Variant() {
	}

	Variant(Product product, String sku, Map<String, String> options, Money price, int position) {
		this.product = product;
		this.sku = sku;
		this.options.putAll(options);
		this.price = price;
		this.position = position;
		this.status = VariantStatus.ACTIVE;
	}

	/** Takes the given state and makes the variant sellable again. */
	void replace(Map<String, String> options, Money price, int position) {
		if (!this.options.equals(options)) {
			this.options.clear();
			this.options.putAll(options);
		}
		this.price = price;
		this.position = position;
		this.status = VariantStatus.ACTIVE;
	}

	void archive() {
		this.status = VariantStatus.ARCHIVED;
	}

	public boolean isActive() {
		return this.status == VariantStatus.ACTIVE;
	}

	public String getSku() {
		return this.sku;
	}

	public int getPosition() {
		return this.position;
	}

	public Money getPrice() {
		return this.price;
	}

	public VariantStatus getStatus() {
		return this.status;
	}

	/**
	 * The option values, sorted by option name.
	 * @return a copy
	 */
	public Map<String, String> getOptions() {
		return new TreeMap<>(this.options);
	}

}
