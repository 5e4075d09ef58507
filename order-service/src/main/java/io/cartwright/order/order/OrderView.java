package io.cartwright.order.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.cartwright.order.pricing.Money;
import org.jspecify.annotations.Nullable;

/**
 * An order as the API shows it.
 *
 * @param id the order
 * @param customerId its customer
 * @param status where it is in its life
 * @param lines what was ordered, with the catalog's prices once reserved
 * @param total what the customer pays, once priced
 * @param shippingAddress where it goes
 * @param history every status it went through, oldest first
 * @param placedAt when it was placed
 */
public record OrderView(UUID id, String customerId, OrderStatus status, List<Line> lines, @Nullable Money total,
		ShippingAddress shippingAddress, List<StatusChangeView> history, Instant placedAt) {

	public static OrderView of(Order order) {
		return new OrderView(order.id(), order.customerId(), order.status(),
				order.lines().stream().map(Line::of).toList(), order.total(), order.shippingAddress(),
				order.history().stream().map(StatusChangeView::of).toList(), order.placedAt());
	}

	/**
	 * One line.
	 *
	 * @param sku the SKU
	 * @param name the product's name, once priced
	 * @param quantity how many
	 * @param unitPrice the catalog's unit price, once priced
	 * @param lineTotal unit price times quantity, once priced
	 */
	public record Line(String sku, @Nullable String name, int quantity, @Nullable Money unitPrice,
			@Nullable Money lineTotal) {

		static Line of(OrderLine line) {
			return new Line(line.sku(), line.productName(), line.quantity(), line.price(),
					line.isPriced() ? line.total() : null);
		}

	}

	/**
	 * One entry of the history.
	 *
	 * @param status the status the order moved to
	 * @param at when
	 * @param reason why, for rejections, failures and cancellations
	 */
	public record StatusChangeView(OrderStatus status, Instant at, @Nullable String reason) {

		static StatusChangeView of(StatusChange change) {
			return new StatusChangeView(change.status(), change.occurredAt(), change.reason());
		}

	}

}
