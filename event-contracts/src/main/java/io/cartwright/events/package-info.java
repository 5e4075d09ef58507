/**
 * The contracts Cartwright's services exchange over Kafka: topic names, the CloudEvents
 * envelope in binary mode, and one record per event.
 *
 * <p>
 * Rules for changing them: adding a field is compatible; renaming or removing one, or
 * changing its meaning, is a new event version with a new {@code ce_type} (for example
 * {@code io.cartwright.order.placed.v2}). Consumers ignore fields they do not know.
 */
package io.cartwright.events;
