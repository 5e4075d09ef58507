package io.cartwright.order.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.cartwright.events.CloudEventHeaders;
import io.cartwright.events.OrderCancelled;
import io.cartwright.events.OrderConfirmed;
import io.cartwright.events.OrderPlaced;
import io.cartwright.events.OrderRejected;
import io.cartwright.events.Topics;
import io.cartwright.kafka.outbox.CloudEventAttributes;

/**
 * One kind of event the order service publishes to Kafka: its record class, CloudEvents
 * type, topic, record key, time and identity (what makes one such event unique, for
 * {@code ce_id}). Every one is keyed by the order id, so one order's events stay in
 * order.
 *
 * @param <T> the event record
 * @param eventClass the event record's class
 * @param type the CloudEvents type
 * @param topic the topic
 * @param key the record key and {@code ce_subject}: the order's id
 * @param time when the fact happened
 * @param identity what tells this event from every other of its type
 */
record OutgoingEvent<T>(Class<T> eventClass, String type, String topic, Function<T, String> key,
		Function<T, Instant> time, Function<T, String> identity) {

	/** {@code ce_source} of every event the service publishes. */
	static final String SOURCE = CloudEventHeaders.sourceOf("order-service");

	/** Every event the order service publishes. */
	static final List<OutgoingEvent<?>> ALL = List.of(
			new OutgoingEvent<>(OrderPlaced.class, OrderPlaced.TYPE, Topics.ORDER_EVENTS, (e) -> e.orderId().toString(),
					OrderPlaced::occurredAt, (e) -> e.orderId() + "|" + e.occurredAt()),
			new OutgoingEvent<>(OrderConfirmed.class, OrderConfirmed.TYPE, Topics.ORDER_EVENTS,
					(e) -> e.orderId().toString(), OrderConfirmed::occurredAt,
					(e) -> e.orderId() + "|" + e.occurredAt()),
			new OutgoingEvent<>(OrderCancelled.class, OrderCancelled.TYPE, Topics.ORDER_EVENTS,
					(e) -> e.orderId().toString(), OrderCancelled::occurredAt,
					(e) -> e.orderId() + "|" + e.reason() + "|" + e.occurredAt()),
			new OutgoingEvent<>(OrderRejected.class, OrderRejected.TYPE, Topics.ORDER_EVENTS,
					(e) -> e.orderId().toString(), OrderRejected::occurredAt,
					(e) -> e.orderId() + "|" + e.reason() + "|" + e.occurredAt()));

	/**
	 * The kind of an event, if the order service publishes it.
	 * @param event any application event
	 * @return its kind
	 */
	static Optional<OutgoingEvent<?>> of(Object event) {
		return ALL.stream().filter((kind) -> kind.eventClass().isInstance(event)).findFirst();
	}

	CloudEventAttributes attributesOf(Object event) {
		T typed = this.eventClass.cast(event);
		return CloudEventAttributes.of(SOURCE, this.type, this.identity.apply(typed), this.time.apply(typed),
				this.key.apply(typed));
	}

}
