package io.cartwright.catalog.events;

/**
 * An order event as it came off Kafka, decoded and checked.
 *
 * @param id the {@code ce_id}
 * @param type the {@code ce_type}
 * @param event the event record
 */
record IncomingOrderEvent(String id, String type, Record event) {
}
