package io.cartwright.catalog.stock;

import java.time.Instant;

import io.cartwright.events.StockLevelChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link StockLevelChanged} within the current transaction, so that it is
 * stored in the outbox with the change and sent to Kafka after the commit.
 */
@Component
class StockLevelNotices {

	private final ApplicationEventPublisher events;

	StockLevelNotices(ApplicationEventPublisher events) {
		this.events = events;
	}

	void changed(String sku, int available, Instant now) {
		this.events.publishEvent(new StockLevelChanged(sku, available, now));
	}

}
