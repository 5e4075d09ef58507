package io.cartwright.catalog.demo;

import java.util.List;
import java.util.Map;

/**
 * The demo catalog as {@code demo/catalog.json} holds it.
 *
 * @param currency the currency of every price
 * @param categories the category tree
 * @param products the products, each naming its category by slug
 */
record DemoCatalog(String currency, List<Category> categories, List<Product> products) {

	record Category(String slug, String name, int position, List<Category> children) {

	}

	record Product(String slug, String name, String description, String category, List<String> images,
			List<Variant> variants) {

	}

	record Variant(String sku, Map<String, String> options, long price, int stock) {

	}

}
