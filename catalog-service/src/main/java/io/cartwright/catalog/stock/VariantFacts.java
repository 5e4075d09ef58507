package io.cartwright.catalog.stock;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.cartwright.catalog.pricing.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What stock and reservations need to know about variants: whether an SKU exists, whether
 * it can be sold, its price and its product's name. A read-only SQL projection, so that
 * this package does not depend on the product package's entities.
 */
@Component
class VariantFacts {

	private final JdbcClient jdbc;

	VariantFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean exists(String sku) {
		return this.jdbc.sql("SELECT COUNT(*) FROM variant WHERE sku = :sku")
			.param("sku", sku)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * The facts of the given SKUs that exist.
	 * @param skus the SKUs
	 * @return the facts by SKU; an unknown SKU has no entry
	 */
	Map<String, Variant> of(Collection<String> skus) {
		if (skus.isEmpty()) {
			return Map.of();
		}
		List<Variant> variants = this.jdbc.sql("""
				SELECT v.sku, v.status AS variant_status, v.price_amount, v.currency, p.name, p.status AS product_status
				FROM variant v JOIN product p ON p.id = v.product_id
				WHERE v.sku IN (:skus)""")
			.param("skus", skus)
			.query((row, n) -> new Variant(row.getString("sku"),
					"ACTIVE".equals(row.getString("variant_status"))
							&& "ACTIVE".equals(row.getString("product_status")),
					Money.of(row.getLong("price_amount"), row.getString("currency")), row.getString("name")))
			.list();
		return variants.stream().collect(Collectors.toMap(Variant::sku, Function.identity()));
	}

	/**
	 * One variant as a reservation sees it.
	 *
	 * @param sku the SKU
	 * @param forSale whether the variant and its product are both active
	 * @param price the current unit price
	 * @param productName the product's name
	 */
	record Variant(String sku, boolean forSale, Money price, String productName) {
	}

}
