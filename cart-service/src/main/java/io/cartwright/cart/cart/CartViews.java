package io.cartwright.cart.cart;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.cartwright.cart.catalog.SkuSnapshot;
import io.cartwright.cart.pricing.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.CachePut;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;

/**
 * Prices carts from the SKU snapshot, cached in Redis per cart <em>version</em>: every
 * change of a cart, and every catalog change that affects one of its SKUs, raises the
 * version, so a cached view is never served for a state it does not show. A write caches
 * the view of the version it made and evicts the entry of the version it replaced, after
 * it commits; entries made stale by catalog events are never read again and expire with
 * the cache TTL. A view is priced from one query (lines joined with their snapshots).
 */
@Component
class CartViews {

	static final String CACHE = "carts";

	private final Carts carts;

	private final CartProperties properties;

	CartViews(Carts carts, CartProperties properties) {
		this.carts = carts;
		this.properties = properties;
	}

	@Cacheable(cacheNames = CACHE, key = "#header.id() + ':' + #header.version()")
	public PricedCart priced(CartHeader header) {
		List<CartContents.Line> lines = this.carts.contents(header.id()).map(CartContents::lines).orElseGet(List::of);
		return price(header, lines);
	}

	/**
	 * Prices a cart just read whole and caches the view for the version read: what a
	 * write answers, so that the next read of that version is a cache hit.
	 * @param contents the cart
	 * @return the priced cart
	 */
	@CachePut(cacheNames = CACHE, key = "#contents.header().id() + ':' + #contents.header().version()")
	public PricedCart priced(CartContents contents) {
		return price(contents.header(), contents.lines());
	}

	@CacheEvict(cacheNames = CACHE, key = "#id + ':' + #version")
	public void evict(UUID id, long version) {
	}

	private PricedCart price(CartHeader header, List<CartContents.Line> lines) {
		List<CartView.Line> views = new ArrayList<>();
		String currency = lines.isEmpty() ? this.properties.defaultCurrency()
				: lines.get(0).line().addedUnitPrice().currency();
		Money subtotal = Money.zero(currency);
		int items = 0;
		for (CartContents.Line line : lines) {
			CartView.Line view = price(line.line(), line.sku());
			views.add(view);
			if (view.available() && view.lineTotal().currency().equals(currency)) {
				subtotal = subtotal.plus(view.lineTotal());
				items += view.quantity();
			}
		}
		return new PricedCart(header.customerId(), new CartView(header.id(), header.status(), views, items,
				lines.size(), subtotal, header.version(), header.createdAt(), header.updatedAt()));
	}

	private static CartView.Line price(CartLine line, @Nullable SkuSnapshot sku) {
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
