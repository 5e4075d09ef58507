package io.cartwright.catalog.product;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.cartwright.catalog.pricing.Money;
import io.cartwright.catalog.web.PageView;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Listings of active products: full-text search over name and description (the InnoDB
 * FULLTEXT index {@code ft_product_text}, boolean mode with prefix terms) or an exact
 * SKU, filters on category (with its sub-categories, by a recursive CTE), price, stock
 * and option values, and four orders. Plain SQL that runs on MySQL 8.4 and MariaDB 11.4:
 * one query for the ids of the page, one for the total, one for the page's summaries.
 * Pages are cached in Redis ({@code pages-ttl}); product and category writes clear them,
 * and so does an SKU selling out or coming back (the stock feature's notices).
 */
@Service
public class ProductSearch {

	/** Listing and search pages, by their criteria. */
	public static final String PAGES = "product-pages";

	private static final String TEXT_MATCH = "MATCH (t.name, t.description) AGAINST (:text IN BOOLEAN MODE)";

	/** An exact SKU ranks above any full-text hit. */
	private static final String EXACT_SKU_SCORE = "1000000";

	private final JdbcClient jdbc;

	ProductSearch(DataSource dataSource, CatalogSearchProperties properties) {
		// A listing that takes longer is cancelled (the driver kills the statement)
		// rather
		// than holding one of the pool's few connections, which checkout's stock
		// reservations need too.
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setQueryTimeout((int) Math.max(1, properties.getQueryTimeout().toSeconds()));
		this.jdbc = JdbcClient.create(template);
	}

	/**
	 * One page of the listing.
	 * @param criteria what to find, in what order, which page
	 * @return the page
	 */
	@Cacheable(cacheNames = PAGES, key = "#criteria.toString()")
	@Transactional(readOnly = true)
	public PageView<ProductSummary> search(SearchCriteria criteria) {
		Query ids = pageQuery(criteria);
		List<UUID> page = this.jdbc.sql(ids.sql())
			.params(ids.params())
			.query((row, n) -> UUID.fromString(row.getString(1)))
			.list();
		long total = (page.isEmpty() && criteria.page() == 0) ? 0 : count(criteria);
		return PageView.of(summaries(page), criteria.page(), criteria.size(), total);
	}

	/**
	 * The SQL and parameters of the query for the ids of one page, in order.
	 * @param criteria the listing
	 * @return the query
	 */
	Query pageQuery(SearchCriteria criteria) {
		Query where = where(criteria);
		Map<String, Object> params = new LinkedHashMap<>(where.params());
		params.put("limit", criteria.size());
		params.put("offset", (long) criteria.page() * criteria.size());
		return new Query(where.sql().replace("SELECT_LIST", "p.id") + " ORDER BY " + order(criteria)
				+ " LIMIT :limit OFFSET :offset", params);
	}

	private long count(SearchCriteria criteria) {
		Query where = where(criteria);
		return this.jdbc.sql(where.sql().replace("SELECT_LIST", "COUNT(*)"))
			.params(where.params())
			.query(Long.class)
			.single();
	}

	private Query where(SearchCriteria criteria) {
		Map<String, Object> params = new LinkedHashMap<>();
		StringBuilder sql = new StringBuilder();
		if (criteria.category() != null) {
			sql.append(
					"WITH RECURSIVE subtree (id) AS (SELECT id FROM category WHERE id = :category OR slug = :category"
							+ " UNION ALL SELECT c.id FROM category c JOIN subtree s ON c.parent_id = s.id) ");
			params.put("category", criteria.category());
		}
		sql.append("SELECT SELECT_LIST FROM product p");
		String text = booleanQuery(criteria.query());
		if (criteria.query() != null) {
			// The matches are a derived table, found once and joined: an exact SKU, and
			// the
			// full-text hits with their relevance. Each branch uses its index (the
			// variant
			// primary key, the FULLTEXT index); "MATCH ... OR EXISTS ..." could use
			// neither, and "p.id IN (... UNION ...)" is run by MariaDB once per product
			// (minutes on 100,000 products: the benchmarks' first run).
			params.put("sku", criteria.query().trim());
			sql.append(" JOIN (SELECT id, MAX(score) AS score FROM (SELECT v.product_id AS id, ")
				.append(EXACT_SKU_SCORE)
				.append(" AS score FROM variant v WHERE v.sku = :sku");
			if (!text.isEmpty()) {
				sql.append(" UNION ALL SELECT t.id, ")
					.append(TEXT_MATCH)
					.append(" FROM product t WHERE ")
					.append(TEXT_MATCH);
				params.put("text", text);
			}
			sql.append(") candidates GROUP BY id) matched ON matched.id = p.id");
		}
		sql.append(" WHERE p.status = 'ACTIVE'");
		if (criteria.category() != null) {
			sql.append(" AND p.category_id IN (SELECT id FROM subtree)");
		}
		if (criteria.minPrice() != null) {
			sql.append(" AND p.min_price >= :minPrice");
			params.put("minPrice", criteria.minPrice());
		}
		if (criteria.maxPrice() != null) {
			sql.append(" AND p.min_price <= :maxPrice");
			params.put("maxPrice", criteria.maxPrice());
		}
		if (criteria.inStockOnly() || !criteria.options().isEmpty()) {
			sql.append(" AND EXISTS (SELECT 1 FROM variant v WHERE v.product_id = p.id AND v.status = 'ACTIVE'");
			if (criteria.inStockOnly()) {
				sql.append(" AND EXISTS (SELECT 1 FROM stock s WHERE s.sku = v.sku AND s.on_hand - s.reserved > 0)");
			}
			int n = 0;
			for (Map.Entry<String, String> option : criteria.options().entrySet()) {
				sql.append(" AND EXISTS (SELECT 1 FROM variant_option o WHERE o.sku = v.sku AND o.option_name = :on")
					.append(n)
					.append(" AND o.option_value = :ov")
					.append(n)
					.append(")");
				params.put("on" + n, option.getKey());
				params.put("ov" + n, option.getValue());
				n++;
			}
			sql.append(")");
		}
		return new Query(sql.toString(), params);
	}

	private static String order(SearchCriteria criteria) {
		return switch (criteria.sort()) {
			case RELEVANCE ->
				(criteria.query() != null) ? "matched.score DESC, p.created_at DESC, p.id" : "p.created_at DESC, p.id";
			case PRICE_ASC -> "p.min_price ASC, p.id";
			case PRICE_DESC -> "p.min_price DESC, p.id";
			case NAME -> "p.name ASC, p.id";
			case NEWEST -> "p.created_at DESC, p.id";
		};
	}

	/**
	 * Every word of three or more letters or digits as a required prefix term:
	 * {@code "red shi"} becomes {@code "+red* +shi*"}. Boolean operators typed by the
	 * user are dropped, shorter words too (InnoDB does not index them).
	 */
	static String booleanQuery(String query) {
		if (query == null) {
			return "";
		}
		return Arrays.stream(query.split("[^\\p{L}\\p{N}]+"))
			.filter((word) -> word.length() >= 3)
			.limit(10)
			.map((word) -> "+" + word + "*")
			.collect(Collectors.joining(" "));
	}

	private List<ProductSummary> summaries(List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<UUID, ProductSummary> byId = this.jdbc.sql("""
				SELECT p.id, p.slug, p.name, p.category_id, p.min_price, p.currency,
				  (SELECT i.url FROM product_image i WHERE i.product_id = p.id AND i.position = 0) AS image,
				  EXISTS (SELECT 1 FROM variant v JOIN stock s ON s.sku = v.sku
				    WHERE v.product_id = p.id AND v.status = 'ACTIVE' AND s.on_hand - s.reserved > 0) AS in_stock
				FROM product p WHERE p.id IN (:ids)""")
			.param("ids", ids.stream().map(UUID::toString).toList())
			.query((row, n) -> new ProductSummary(UUID.fromString(row.getString("id")), row.getString("slug"),
					row.getString("name"), UUID.fromString(row.getString("category_id")), row.getString("image"),
					Money.of(row.getLong("min_price"), row.getString("currency")), row.getBoolean("in_stock")))
			.list()
			.stream()
			.collect(Collectors.toMap(ProductSummary::id, Function.identity()));
		List<ProductSummary> ordered = new ArrayList<>(ids.size());
		ids.stream().map(byId::get).filter(java.util.Objects::nonNull).forEach(ordered::add);
		return ordered;
	}

	/**
	 * A query with named parameters.
	 *
	 * @param sql the SQL
	 * @param params its parameters
	 */
	record Query(String sql, Map<String, Object> params) {

	}

}
