package io.cartwright.cart.cart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cartwright.cart.catalog.SkuSnapshot;
import io.cartwright.cart.catalog.SkuSnapshots;
import io.cartwright.cart.pricing.Money;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prices carts from the SKU snapshot, cached in Redis per cart <em>version</em>: every
 * change of a cart, and every catalog change that affects one of its SKUs, raises the
 * version, so a cached view is never served for a state it does not show. The entry of
 * the version a write replaced is evicted after the write commits; entries made stale by
 * catalog events are never read again and expire with the cache TTL.
 */
@Component
class CartViews {

	static final String CACHE = "carts";

	private final Carts carts;

	private final SkuSnapshots snapshots;

	private final CartProperties properties;

	CartViews(Carts carts, SkuSnapshots snapshots, CartProperties properties) {
		this.carts = carts;
		this.snapshots = snapshots;
		this.properties = properties;
	}

	@Cacheable(cacheNames = CACHE, key = "#header.id() + ':' + #header.version()")
	@Transactional(readOnly = true)
	public PricedCart priced(CartHeader header) {
		List<CartLine> lines = this.carts.lines(header.id());
		Map<String, SkuSnapshot> skus = this.snapshots.findAll(lines.stream().map(CartLine::sku).toList());
		List<CartView.Line> views = new ArrayList<>();
		String currency = lines.isEmpty() ? this.properties.defaultCurrency()
				: lines.get(0).addedUnitPrice().currency();
		Money subtotal = Money.zero(currency);
		int items = 0;
		for (CartLine line : lines) {
			CartView.Line view = price(line, skus.get(line.sku()));
			views.add(view);
			if (view.available() && view.lineTotal().currency().equals(currency)) {
				subtotal = subtotal.plus(view.lineTotal());
				items += view.quantity();
			}
		}
		return new PricedCart(header.customerId(), new CartView(header.id(), header.status(), views, items,
				lines.size(), subtotal, header.version(), header.createdAt(), header.updatedAt()));
	}

	@CacheEvict(cacheNames = CACHE, key = "#id + ':' + #version")
	public void evict(UUID id, long version) {
	}

	private static CartView.Line price(CartLine line, SkuSnapshot sku) {
		if (sku == null) {
			// Not expected (a line is only added for a known SKU), but a cart must still
			// read.
			return new CartView.Line(line.sku(), line.sku(), "", null, line.quantity(), line.addedUnitPrice(),
					line.addedUnitPrice().times(line.quantity()), false, null, line.addedAt());
		}
		Money now = sku.price();
		CartView.PriceChange change = now.equals(line.addedUnitPrice()) ? null
				: new CartView.PriceChange(line.addedUnitPrice(), now);
		return new CartView.Line(line.sku(), sku.productName(), sku.slug(), sku.imageUrl(), line.quantity(), now,
				now.times(line.quantity()), sku.active(), change, line.addedAt());
	}

}
