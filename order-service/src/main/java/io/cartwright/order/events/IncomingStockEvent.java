package io.cartwright.order.events;

/**
 * A stock event as it came off Kafka, decoded and checked.
 *
 * @param id the {@code ce_id}
 * @param type the {@code ce_type}
 * @param event the event record, or {@code null} for a kind the saga does not need
 * ({@code StockLevelChanged})
 */
record IncomingStockEvent(String id, String type, Record event) {
}
