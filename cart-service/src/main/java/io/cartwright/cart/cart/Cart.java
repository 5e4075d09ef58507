package io.cartwright.cart.cart;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.cartwright.cart.pricing.Money;
import io.cartwright.cart.web.ConflictException;
import io.cartwright.cart.web.ResourceNotFoundException;
import io.cartwright.cart.web.UnprocessableException;
import org.jspecify.annotations.Nullable;

/**
 * A cart with its lines, as loaded (and locked) for a change. It guards its own rules:
 * only an active cart changes, a line holds 1 to {@value #MAX_QUANTITY} units, a cart
 * holds at most {@value #MAX_LINES} lines, all in one currency. A change is refused,
 * never silently clamped — except in {@link #absorb}, where a merge keeps what fits.
 */
final class Cart {

	static final int MAX_QUANTITY = 99;

	static final int MAX_LINES = 100;

	private final UUID id;

	private final @Nullable String customerId;

	private final CartStatus status;

	private final long version;

	private final Map<String, CartLine> lines;

	Cart(UUID id, @Nullable String customerId, CartStatus status, long version, List<CartLine> lines) {
		this.id = id;
		this.customerId = customerId;
		this.status = status;
		this.version = version;
		this.lines = new LinkedHashMap<>();
		lines.forEach((line) -> this.lines.put(line.sku(), line));
	}

	UUID id() {
		return this.id;
	}

	@Nullable String customerId() {
		return this.customerId;
	}

	CartStatus status() {
		return this.status;
	}

	long version() {
		return this.version;
	}

	List<CartLine> lines() {
		return List.copyOf(this.lines.values());
	}

	boolean isGuestCart() {
		return this.customerId == null;
	}

	/**
	 * Whether someone may see and change this cart: anybody who has a guest cart's id,
	 * only its owner a customer's cart.
	 * @param subject the caller's token subject, or null for an anonymous caller
	 * @return whether the cart is visible to the caller
	 */
	boolean isVisibleTo(@Nullable String subject) {
		return this.customerId == null || this.customerId.equals(subject);
	}

	/**
	 * Adds units of an SKU, to its line if there is one.
	 * @param sku the SKU
	 * @param quantity how many to add
	 * @param unitPrice the catalog's current unit price
	 * @param now the time
	 * @return the line as it now is
	 */
	CartLine add(String sku, int quantity, Money unitPrice, Instant now) {
		requireActive();
		Optional<CartLine> existing = line(sku);
		int total = existing.map(CartLine::quantity).orElse(0) + quantity;
		if (total > MAX_QUANTITY) {
			throw new UnprocessableException("quantity-limit",
					"A line holds at most %d units; %s already has %d, adding %d would make %d.".formatted(MAX_QUANTITY,
							sku, total - quantity, quantity, total));
		}
		if (existing.isEmpty() && this.lines.size() >= MAX_LINES) {
			throw new UnprocessableException("line-limit",
					"A cart holds at most %d different SKUs; remove one first.".formatted(MAX_LINES));
		}
		this.lines.values()
			.stream()
			.filter((line) -> !line.addedUnitPrice().currency().equals(unitPrice.currency()))
			.findFirst()
			.ifPresent((line) -> {
				throw new UnprocessableException("currency-mismatch", "%s is priced in %s, this cart in %s."
					.formatted(sku, unitPrice.currency(), line.addedUnitPrice().currency()));
			});
		// The customer has just seen the current price: the line remembers it from now
		// on.
		CartLine line = new CartLine(sku, total, unitPrice, now);
		this.lines.put(sku, line);
		return line;
	}

	/**
	 * Sets the quantity of a line; 0 removes it.
	 * @param sku the SKU
	 * @param quantity the new quantity, 0 to {@value #MAX_QUANTITY}
	 * @return the line as it now is, or empty when it was removed
	 */
	Optional<CartLine> changeQuantity(String sku, int quantity) {
		requireActive();
		CartLine line = line(sku).orElseThrow(() -> new ResourceNotFoundException("line for SKU", sku));
		if (quantity == 0) {
			this.lines.remove(sku);
			return Optional.empty();
		}
		if (quantity > MAX_QUANTITY) {
			throw new UnprocessableException("quantity-limit",
					"A line holds at most %d units.".formatted(MAX_QUANTITY));
		}
		CartLine changed = line.withQuantity(quantity);
		this.lines.put(sku, changed);
		return Optional.of(changed);
	}

	void remove(String sku) {
		requireActive();
		if (this.lines.remove(sku) == null) {
			throw new ResourceNotFoundException("line for SKU", sku);
		}
	}

	void clear() {
		requireActive();
		this.lines.clear();
	}

	/**
	 * Takes the lines of a guest cart: quantities of an SKU in both are added up to
	 * {@value #MAX_QUANTITY}, new SKUs come in while fewer than {@value #MAX_LINES} lines
	 * are there, and what does not fit is left out.
	 * @param guest the guest cart
	 * @return the lines that changed or were added
	 */
	List<CartLine> absorb(Cart guest) {
		requireActive();
		guest.requireActive();
		List<CartLine> changed = new ArrayList<>();
		for (CartLine incoming : guest.lines()) {
			Optional<CartLine> existing = line(incoming.sku());
			if (existing.isPresent()) {
				changed.add(existing.get()
					.withQuantity(Math.min(MAX_QUANTITY, existing.get().quantity() + incoming.quantity())));
			}
			else if (this.lines.size() + countNew(changed) < MAX_LINES) {
				changed.add(incoming);
			}
		}
		changed.forEach((line) -> this.lines.put(line.sku(), line));
		return changed;
	}

	private long countNew(List<CartLine> changed) {
		return changed.stream().filter((line) -> !this.lines.containsKey(line.sku())).count();
	}

	void requireActive() {
		if (this.status != CartStatus.ACTIVE) {
			throw new ConflictException("cart-not-active",
					"Cart %s is %s and can no longer change.".formatted(this.id, this.status));
		}
	}

	Optional<CartLine> line(String sku) {
		return Optional.ofNullable(this.lines.get(sku));
	}

}
