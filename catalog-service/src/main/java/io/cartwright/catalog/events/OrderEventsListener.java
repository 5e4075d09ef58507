package io.cartwright.catalog.events;

import io.cartwright.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code order.order-events} (consumer group: the service's name): decodes each
 * record and hands it to {@link OrderEventHandler}. Failures are retried, then
 * dead-lettered, by kafka-runtime's {@code DeadLetterErrorHandling}.
 */
@Component
class OrderEventsListener {

	private final OrderEventDecoder decoder;

	private final OrderEventHandler handler;

	OrderEventsListener(OrderEventDecoder decoder, OrderEventHandler handler) {
		this.decoder = decoder;
		this.handler = handler;
	}

	@KafkaListener(id = "catalog-order-events", topics = Topics.ORDER_EVENTS, groupId = "${spring.application.name}")
	void on(ConsumerRecord<String, byte[]> record) {
		this.handler.apply(this.decoder.decode(record));
	}

}
