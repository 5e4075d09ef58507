package io.cartwright.catalog.product;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a listing asks for; every filter is optional.
 *
 * @param query words to find in name and description (prefix match), or an exact SKU
 * @param category a category id or slug; its sub-categories are included
 * @param minPrice the lowest listing price in minor units
 * @param maxPrice the highest listing price in minor units
 * @param inStockOnly only products with an active variant that has stock available
 * @param options option values one active variant must all have, such as {@code size=M}
 * @param sort the order
 * @param page the page number, from 0
 * @param size the page size
 */
public record SearchCriteria(@Nullable String query, @Nullable String category, @Nullable Long minPrice,
		@Nullable Long maxPrice, boolean inStockOnly, Map<String, String> options, Sort sort, int page, int size) {

	/** The orders a listing can have. */
	public enum Sort {

		/** Best full-text match first (the default with a query). */
		RELEVANCE,
		/** Cheapest first. */
		PRICE_ASC,
		/** Most expensive first. */
		PRICE_DESC,
		/** By name. */
		NAME,
		/** Most recently created first (the default without a query). */
		NEWEST;

		/**
		 * Parses {@code relevance}, {@code price,asc}, {@code price,desc}, {@code name}
		 * (or {@code name,asc}) and {@code newest}.
		 * @param value the parameter, or {@code null}
		 * @param hasQuery whether there is a query, which makes relevance the default
		 * @return the order
		 */
		static Sort parse(@Nullable String value, boolean hasQuery) {
			if (value == null || value.isBlank()) {
				return hasQuery ? RELEVANCE : NEWEST;
			}
			return switch (value.trim().toLowerCase(Locale.ROOT)) {
				case "relevance" -> RELEVANCE;
				case "price", "price,asc" -> PRICE_ASC;
				case "price,desc" -> PRICE_DESC;
				case "name", "name,asc" -> NAME;
				case "newest", "created,desc" -> NEWEST;
				default -> throw new IllegalArgumentException("Unknown sort " + value);
			};
		}

	}

	/** What the controller accepts as a sort parameter. */
	static final String SORT_PATTERN = "(?i)relevance|price|price,asc|price,desc|name|name,asc|newest|created,desc";

	/** What the controller accepts as an option filter. */
	static final String OPTION_PATTERN = "[a-z][a-z0-9_-]{0,39}:.{1,80}";

	/**
	 * Parses {@code name:value} option filters, checked against {@link #OPTION_PATTERN}.
	 * @param options the parameters
	 * @return the options by name
	 */
	static Map<String, String> parseOptions(@Nullable List<String> options) {
		if (options == null) {
			return Map.of();
		}
		Map<String, String> parsed = new LinkedHashMap<>();
		for (String option : options) {
			int colon = option.indexOf(':');
			parsed.put(option.substring(0, colon).trim(), option.substring(colon + 1).trim());
		}
		return parsed;
	}

}
