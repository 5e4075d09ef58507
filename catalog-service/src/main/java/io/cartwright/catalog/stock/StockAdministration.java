package io.cartwright.catalog.stock;

import java.time.Instant;

import io.cartwright.catalog.audit.AuditTrail;
import io.cartwright.catalog.web.ConflictException;
import io.cartwright.catalog.web.ResourceNotFoundException;
import io.cartwright.catalog.web.Versions;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff do with stock: read it, set it after a count, adjust it, and read its
 * history. Every change of the quantity on hand records a {@link StockMovement} and
 * publishes {@code StockLevelChanged}, in the transaction of the change. Writes lock the
 * stock row ({@code SELECT … FOR UPDATE}) at {@code READ COMMITTED}, so they take turns
 * with reservations on the same SKU, and a missing row takes no gap lock.
 */
@Service
public class StockAdministration {

	private static final String RESOURCE = "stock";

	private final StockRepository stock;

	private final StockMovementRepository movements;

	private final VariantFacts variants;

	private final StockLevelNotices notices;

	private final AuditTrail audit;

	StockAdministration(StockRepository stock, StockMovementRepository movements, VariantFacts variants,
			StockLevelNotices notices, AuditTrail audit) {
		this.stock = stock;
		this.movements = movements;
		this.variants = variants;
		this.notices = notices;
		this.audit = audit;
	}

	/**
	 * The stock of a known SKU; one that never had stock has none (version 0).
	 * @throws ResourceNotFoundException when no variant has this SKU
	 */
	@Transactional(readOnly = true)
	StockView view(String sku) {
		return this.stock.findById(sku).map(StockView::of).orElseGet(() -> {
			requireVariant(sku);
			return new StockView(sku, 0, 0, 0, 0);
		});
	}

	/**
	 * Sets the quantity on hand, creating the SKU's stock row if it has none.
	 * @param ifMatch the client's {@code If-Match}, or {@code null}
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public StockView set(String sku, int onHand, String reason, String actor, @Nullable String ifMatch) {
		Instant now = Timestamps.now();
		Stock stock = lockedOrNew(sku, ifMatch, now);
		StockView was = StockView.of(stock);
		int before = stock.available();
		int delta = stock.setOnHand(onHand, now);
		StockView after = save(stock, delta, before, MovementReason.STOCK_COUNT, reason, actor, now);
		this.audit.record("STOCK_COUNTED", RESOURCE, sku, was, after);
		return after;
	}

	/**
	 * Adds units to or removes units from the quantity on hand.
	 * @param ifMatch the client's {@code If-Match}, or {@code null}
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	StockView adjust(String sku, int delta, String reason, String actor, @Nullable String ifMatch) {
		Instant now = Timestamps.now();
		Stock stock = lockedOrNew(sku, ifMatch, now);
		StockView was = StockView.of(stock);
		int before = stock.available();
		stock.adjust(delta, now);
		StockView after = save(stock, delta, before, MovementReason.ADJUSTMENT, reason, actor, now);
		this.audit.record("STOCK_ADJUSTED", RESOURCE, sku, was, after);
		return after;
	}

	/** An SKU's movements, newest first. */
	@Transactional(readOnly = true)
	Page<StockMovement> movements(String sku, int page, int size) {
		Page<StockMovement> movements = this.movements.findBySkuOrderByOccurredAtDescIdDesc(sku,
				PageRequest.of(page, size));
		if (movements.getTotalElements() == 0) {
			requireVariant(sku);
		}
		return movements;
	}

	private Stock lockedOrNew(String sku, @Nullable String ifMatch, Instant now) {
		Stock stock = this.stock.findLocked(sku).orElseGet(() -> {
			requireVariant(sku);
			try {
				return this.stock.saveAndFlush(Stock.emptyFor(sku, now));
			}
			catch (DataIntegrityViolationException ex) {
				// Two first writes of one SKU at once: the other one created the row.
				throw new ConflictException("concurrent-change",
						"The stock of " + sku + " was created by someone else at the same time; retry.");
			}
		});
		Versions.requireMatch(RESOURCE, ifMatch, stock.version());
		return stock;
	}

	private StockView save(Stock stock, int delta, int availableBefore, MovementReason reason, String note,
			String actor, Instant now) {
		Stock saved = this.stock.saveAndFlush(stock);
		this.movements.save(new StockMovement(saved.sku(), delta, saved.onHand(), reason, note, actor, null, now));
		if (saved.available() != availableBefore) {
			this.notices.changed(saved.sku(), availableBefore, saved.available(), now);
		}
		return StockView.of(saved);
	}

	private void requireVariant(String sku) {
		if (!this.variants.exists(sku)) {
			throw new ResourceNotFoundException("SKU", sku);
		}
	}

}
