package io.cartwright.catalog.stock;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface StockMovementRepository extends JpaRepository<StockMovement, Long> {

	/**
	 * An SKU's movements, newest first (the id breaks ties within one microsecond).
	 * @param sku the SKU
	 * @param page which page
	 * @return the page
	 */
	Page<StockMovement> findBySkuOrderByOccurredAtDescIdDesc(String sku, Pageable page);

}
