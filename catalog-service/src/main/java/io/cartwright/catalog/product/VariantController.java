package io.cartwright.catalog.product;

import java.util.List;

import io.cartwright.catalog.stock.StockLevels;
import io.cartwright.catalog.web.ResourceNotFoundException;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Looks a SKU up: its product's cached details plus fresh availability. Public like every
 * catalog read; products still in draft are not found.
 */
@RestController
@RequestMapping("/variants")
@Validated
class VariantController {

	private final ProductRepository products;

	private final ProductQueries queries;

	private final StockLevels stock;

	VariantController(ProductRepository products, ProductQueries queries, StockLevels stock) {
		this.products = products;
		this.queries = queries;
		this.stock = stock;
	}

	@GetMapping("/{sku}")
	ResponseEntity<VariantLookup> bySku(@PathVariable @Size(max = 64) String sku) {
		ProductDetails product = this.products.productIdOfSku(sku)
			.map(this.queries::byId)
			.filter((details) -> details.status() != ProductStatus.DRAFT)
			.orElseThrow(() -> new ResourceNotFoundException("SKU", sku));
		ProductDetails.VariantDetails variant = product.variants()
			.stream()
			.filter((v) -> v.sku().equals(sku))
			.findFirst()
			.orElseThrow(() -> new ResourceNotFoundException("SKU", sku));
		int available = this.stock.available(List.of(sku)).get(sku);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache().cachePublic())
			.body(VariantLookup.of(product, variant, available));
	}

}
