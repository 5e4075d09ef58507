package io.cartwright.order.live;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cartwright.order.order.OrderStatus;
import io.cartwright.order.pricing.Money;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an order's history as a stream sends it: the {@code data:} of a status
 * event, as JSON.
 *
 * @param orderId the order
 * @param sequence the entry's place in the order's history: 1 for {@code PENDING}, then
 * one more per change (the {@code id:} of the order's own stream)
 * @param position the entry's place in the customer's feed over all their orders (the
 * {@code id:} of the "my orders" stream); absent on the order's own stream
 * @param status the status the order moved to
 * @param terminal whether nothing can follow this status
 * @param reason why, for rejections, failed payments and cancellations
 * @param at when
 * @param order what a storefront shows of the order beside its status
 */
public record StatusEvent(UUID orderId, int sequence,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long position, OrderStatus status, boolean terminal,
		@Nullable String reason, Instant at, Summary order) {

	/** The same entry without its feed position, for the order's own stream. */
	StatusEvent withoutPosition() {
		return new StatusEvent(this.orderId, this.sequence, null, this.status, this.terminal, this.reason, this.at,
				this.order);
	}

	/**
	 * The order beside the status.
	 *
	 * @param id the order
	 * @param total what the customer pays, once the catalog priced it
	 * @param itemCount how many items it has (the sum of the lines' quantities)
	 * @param placedAt when it was placed
	 */
	public record Summary(UUID id, @Nullable Money total, int itemCount, Instant placedAt) {
	}

}
