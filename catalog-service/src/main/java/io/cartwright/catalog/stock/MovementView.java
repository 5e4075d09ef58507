package io.cartwright.catalog.stock;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One change of an SKU's quantity on hand.
 *
 * @param delta the change
 * @param onHandAfter the quantity on hand afterwards
 * @param reason {@code STOCK_COUNT}, {@code ADJUSTMENT}, {@code SALE} or {@code RETURN}
 * @param note the staff member's explanation, if any
 * @param actor who made the change: a staff member's id, or {@code system}
 * @param orderId the order of a sale or return
 * @param occurredAt when
 */
record MovementView(int delta, int onHandAfter, String reason, @Nullable String note, String actor,
		@Nullable UUID orderId, Instant occurredAt) {

	static MovementView of(StockMovement movement) {
		return new MovementView(movement.delta(), movement.onHandAfter(), movement.reason().name(), movement.note(),
				movement.actor(), movement.orderId(), movement.occurredAt());
	}

}
