package io.cartwright.catalog.product;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Products by id and slug, and the SKUs they use. */
public interface ProductRepository extends JpaRepository<Product, UUID> {

	Optional<Product> findBySlug(String slug);

	boolean existsBySlugAndIdNot(String slug, UUID id);

	boolean existsBySlug(String slug);

	/**
	 * Which of these SKUs belong to other products.
	 * @param skus the SKUs
	 * @param productId the product that may use them, or a random id for a new one
	 * @return the SKUs taken by other products
	 */
	@Query("select v.sku from Variant v where v.sku in :skus and v.product.id <> :productId")
	List<String> skusOfOtherProducts(Collection<String> skus, UUID productId);

	/**
	 * The product a SKU belongs to.
	 * @param sku the SKU
	 * @return the product's id, if the SKU exists
	 */
	@Query("select v.product.id from Variant v where v.sku = :sku")
	Optional<UUID> productIdOfSku(String sku);

}
