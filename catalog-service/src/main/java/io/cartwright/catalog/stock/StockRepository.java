package io.cartwright.catalog.stock;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface StockRepository extends JpaRepository<Stock, String> {

	/**
	 * The stock of an SKU, locked until the end of the transaction so that a staff change
	 * and a reservation on the same SKU take turns instead of failing each other.
	 * @param sku the SKU
	 * @return the stock, if the SKU has a stock row
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from Stock s where s.sku = :sku")
	Optional<Stock> findLocked(String sku);

}
