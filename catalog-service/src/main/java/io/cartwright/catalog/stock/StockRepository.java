package io.cartwright.catalog.stock;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StockRepository extends JpaRepository<Stock, String> {

	/**
	 * The stock of an SKU, locked until the end of the transaction so that a staff change
	 * and a reservation on the same SKU take turns instead of failing each other. Native
	 * SQL: Hibernate's MySQL dialect writes {@code FOR UPDATE OF <alias>}, which MariaDB
	 * rejects.
	 * @param sku the SKU
	 * @return the stock, if the SKU has a stock row
	 */
	@Query(value = "SELECT * FROM stock WHERE sku = :sku FOR UPDATE", nativeQuery = true)
	Optional<Stock> findLocked(String sku);

}
