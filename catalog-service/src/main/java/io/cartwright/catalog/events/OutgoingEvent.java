package io.cartwright.catalog.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.cartwright.events.CloudEventHeaders;
import io.cartwright.events.ProductArchived;
import io.cartwright.events.ProductCreated;
import io.cartwright.events.ProductUpdated;
import io.cartwright.events.StockLevelChanged;
import io.cartwright.events.StockRejected;
import io.cartwright.events.StockReleased;
import io.cartwright.events.StockReserved;
import io.cartwright.events.Topics;
import io.cartwright.kafka.outbox.CloudEventAttributes;

/**
 * One kind of event the catalog publishes to Kafka: its record class, CloudEvents type,
 * topic, record key, time and identity (what makes one such event unique, for
 * {@code ce_id}).
 *
 * @param <T> the event record
 * @param eventClass the event record's class
 * @param type the CloudEvents type
 * @param topic the topic
 * @param key the record key and {@code ce_subject}: the aggregate's id
 * @param time when the fact happened
 * @param identity what tells this event from every other of its type
 */
record OutgoingEvent<T>(Class<T> eventClass, String type, String topic, Function<T, String> key,
		Function<T, Instant> time, Function<T, String> identity) {

	/** {@code ce_source} of every event the service publishes. */
	static final String SOURCE = CloudEventHeaders.sourceOf("catalog-service");

	/** Every event the catalog publishes. */
	static final List<OutgoingEvent<?>> ALL = List
		.of(new OutgoingEvent<>(ProductCreated.class, ProductCreated.TYPE, Topics.PRODUCT_EVENTS,
				(e) -> e.productId().toString(), ProductCreated::occurredAt, (e) -> e.productId() + "|" + e.version()),
				new OutgoingEvent<>(ProductUpdated.class, ProductUpdated.TYPE, Topics.PRODUCT_EVENTS,
						(e) -> e.productId().toString(), ProductUpdated::occurredAt,
						(e) -> e.productId() + "|" + e.version()),
				new OutgoingEvent<>(ProductArchived.class, ProductArchived.TYPE, Topics.PRODUCT_EVENTS,
						(e) -> e.productId().toString(), ProductArchived::occurredAt,
						(e) -> e.productId() + "|" + e.version()),
				new OutgoingEvent<>(StockReserved.class, StockReserved.TYPE, Topics.STOCK_EVENTS,
						(e) -> e.orderId().toString(), StockReserved::occurredAt,
						(e) -> e.orderId() + "|" + e.occurredAt()),
				new OutgoingEvent<>(StockRejected.class, StockRejected.TYPE, Topics.STOCK_EVENTS,
						(e) -> e.orderId().toString(), StockRejected::occurredAt,
						(e) -> e.orderId() + "|" + e.occurredAt()),
				new OutgoingEvent<>(StockReleased.class, StockReleased.TYPE, Topics.STOCK_EVENTS,
						(e) -> e.orderId().toString(), StockReleased::occurredAt,
						(e) -> e.orderId() + "|" + e.reason() + "|" + e.occurredAt()),
				new OutgoingEvent<>(StockLevelChanged.class, StockLevelChanged.TYPE, Topics.STOCK_EVENTS,
						StockLevelChanged::sku, StockLevelChanged::occurredAt,
						(e) -> e.sku() + "|" + e.available() + "|" + e.occurredAt()));

	/**
	 * The kind of an event, if the catalog publishes it.
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
