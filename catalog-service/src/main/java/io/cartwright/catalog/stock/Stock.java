package io.cartwright.catalog.stock;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The stock of one SKU: how many units are on hand and how many of them are reserved for
 * orders. Available is on hand minus reserved and is never negative; this class refuses
 * every change that would break that (the database's CHECK constraints are the last line
 * of defence). Reservations move {@code reserved} with conditional SQL updates (see
 * {@link StockCounters}), which bump {@link #version()} as well.
 */
@Entity
@Table(name = "stock")
class Stock {

	@Id
	private String sku;

	@Column(name = "on_hand")
	private int onHand;

	private int reserved;

	// A wrapper, so that null marks a new entity and save() persists instead of merging.
	@Version
	private Long version;

	@Column(name = "updated_at")
	private Instant updatedAt;

	protected Stock() {
	}

	private Stock(String sku, Instant now) {
		this.sku = sku;
		this.updatedAt = now;
	}

	static Stock emptyFor(String sku, Instant now) {
		return new Stock(sku, now);
	}

	/**
	 * Sets the quantity on hand, as after a stock count.
	 * @param newOnHand the counted quantity
	 * @param now when
	 * @return the change of the on-hand quantity
	 * @throws StockChangeRefusedException when fewer units would be on hand than are
	 * reserved
	 */
	int setOnHand(int newOnHand, Instant now) {
		int delta = Math.subtractExact(newOnHand, this.onHand);
		adjust(delta, now);
		return delta;
	}

	/**
	 * Adds units to (or, with a negative delta, removes units from) the quantity on hand.
	 * @param delta the change
	 * @param now when
	 * @throws StockChangeRefusedException when the quantity on hand would become negative
	 * or less than the reserved quantity
	 */
	void adjust(int delta, Instant now) {
		long after = (long) this.onHand + delta;
		if (after < 0) {
			throw new StockChangeRefusedException("negative-stock",
					"%s: on hand cannot go below zero (on hand %d, change %d)".formatted(this.sku, this.onHand, delta));
		}
		if (after < this.reserved) {
			throw new StockChangeRefusedException("below-reserved",
					"%s: on hand cannot go below the %d reserved units (on hand %d, change %d)".formatted(this.sku,
							this.reserved, this.onHand, delta));
		}
		if (after > Integer.MAX_VALUE) {
			throw new StockChangeRefusedException("too-much-stock", this.sku + ": on hand would overflow");
		}
		this.onHand = (int) after;
		this.updatedAt = now;
	}

	String sku() {
		return this.sku;
	}

	int onHand() {
		return this.onHand;
	}

	int reserved() {
		return this.reserved;
	}

	int available() {
		return this.onHand - this.reserved;
	}

	long version() {
		return (this.version != null) ? this.version : 0;
	}

}
