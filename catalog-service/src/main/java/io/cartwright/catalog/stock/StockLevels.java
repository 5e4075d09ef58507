package io.cartwright.catalog.stock;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many units of each SKU can be sold right now (on hand minus reserved). Read fresh
 * on every call, never cached: it changes with every reservation.
 */
@Component
public class StockLevels {

	private final JdbcClient jdbc;

	StockLevels(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The available quantity of each SKU; an SKU with no stock row has none.
	 * @param skus the SKUs
	 * @return the available quantity by SKU, with an entry for every SKU asked for
	 */
	public Map<String, Integer> available(Collection<String> skus) {
		Map<String, Integer> available = new HashMap<>();
		skus.forEach((sku) -> available.put(sku, 0));
		if (skus.isEmpty()) {
			return available;
		}
		this.jdbc.sql("SELECT sku, on_hand - reserved AS available FROM stock WHERE sku IN (:skus)")
			.param("skus", skus)
			.query((row, n) -> Map.entry(row.getString("sku"), row.getInt("available")))
			.list()
			.forEach((entry) -> available.put(entry.getKey(), entry.getValue()));
		return available;
	}

}
