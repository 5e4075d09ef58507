package io.cartwright.order.events;

import io.cartwright.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code catalog.stock-events} (consumer group: the service's name): decodes
 * each record and hands it to {@link StockEventHandler}. Failures are retried, then
 * dead-lettered, by kafka-runtime's {@code DeadLetterErrorHandling}.
 */
@Component
class StockEventsListener {

	private final StockEventDecoder decoder;

	private final StockEventHandler handler;

	StockEventsListener(StockEventDecoder decoder, StockEventHandler handler) {
		this.decoder = decoder;
		this.handler = handler;
	}

	@KafkaListener(id = "order-stock-events", topics = Topics.STOCK_EVENTS, groupId = "${spring.application.name}")
	void on(ConsumerRecord<String, byte[]> record) {
		this.decoder.decode(record).ifPresent(this.handler::apply);
	}

}
