package io.cartwright.catalog.product;

import java.time.Instant;
import java.util.List;

import io.cartwright.events.ProductArchived;
import io.cartwright.events.ProductCreated;
import io.cartwright.events.ProductUpdated;
import io.cartwright.events.VariantSnapshot;

/** The product events of the contracts module, made from a product after a change. */
final class ProductEvents {

	private ProductEvents() {
	}

	static ProductCreated created(Product product) {
		return new ProductCreated(product.getId(), product.getSlug(), product.getName(), mainImage(product),
				product.getStatus().name(), variants(product), product.getVersion(), Instant.now());
	}

	static ProductUpdated updated(Product product) {
		return new ProductUpdated(product.getId(), product.getSlug(), product.getName(), mainImage(product),
				product.getStatus().name(), variants(product), product.getVersion(), Instant.now());
	}

	static ProductArchived archived(Product product) {
		return new ProductArchived(product.getId(), product.getVariants().stream().map(Variant::getSku).toList(),
				product.getVersion(), Instant.now());
	}

	private static String mainImage(Product product) {
		return product.getImages().isEmpty() ? null : product.getImages().getFirst();
	}

	private static List<VariantSnapshot> variants(Product product) {
		boolean productActive = product.getStatus() == ProductStatus.ACTIVE;
		return product.getVariants()
			.stream()
			.map((v) -> new VariantSnapshot(v.getSku(), v.getOptions(), v.getPrice().toEvent(),
					productActive && v.isActive()))
			.toList();
	}

}
