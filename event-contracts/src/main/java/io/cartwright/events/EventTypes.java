package io.cartwright.events;

import java.util.Map;

/**
 * Every event record by its CloudEvents type ({@code ce_type}), so that a consumer can
 * turn a record's value into the right class.
 */
public final class EventTypes {

	/** The event record class of each {@code ce_type}. */
	public static final Map<String, Class<? extends Record>> BY_TYPE = Map.ofEntries(
			Map.entry(ProductCreated.TYPE, ProductCreated.class), Map.entry(ProductUpdated.TYPE, ProductUpdated.class),
			Map.entry(ProductArchived.TYPE, ProductArchived.class),
			Map.entry(StockLevelChanged.TYPE, StockLevelChanged.class),
			Map.entry(StockReserved.TYPE, StockReserved.class), Map.entry(StockRejected.TYPE, StockRejected.class),
			Map.entry(StockReleased.TYPE, StockReleased.class), Map.entry(OrderPlaced.TYPE, OrderPlaced.class),
			Map.entry(OrderConfirmed.TYPE, OrderConfirmed.class), Map.entry(OrderCancelled.TYPE, OrderCancelled.class),
			Map.entry(OrderRejected.TYPE, OrderRejected.class));

	private EventTypes() {
	}

}
