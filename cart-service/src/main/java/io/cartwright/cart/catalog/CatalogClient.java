package io.cartwright.cart.catalog;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** The one catalog-service endpoint the cart calls directly. */
@HttpExchange(accept = "application/json")
interface CatalogClient {

	/**
	 * One SKU as the catalog knows it now.
	 * @param sku the SKU
	 * @return the variant; a 404 (unknown SKU) is thrown as
	 * {@code HttpClientErrorException.NotFound}
	 */
	@GetExchange("/variants/{sku}")
	CatalogVariant variant(@PathVariable String sku);

}
