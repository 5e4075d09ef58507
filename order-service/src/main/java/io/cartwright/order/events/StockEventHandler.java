package io.cartwright.order.events;

import io.cartwright.events.StockRejected;
import io.cartwright.events.StockReleased;
import io.cartwright.events.StockReserved;
import io.cartwright.kafka.listener.PoisonMessageException;
import io.cartwright.kafka.listener.ProcessedEvents;
import io.cartwright.order.saga.OrderSaga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a stock event exactly once: its {@code ce_id} is recorded in
 * {@code processed_event} in the same transaction as the saga's step, and a repeat is
 * ignored. The saga is idempotent too, per order: a fact for an order that no longer
 * waits for it (late, or the same fact under a new id) changes nothing.
 */
@Service
class StockEventHandler {

	private static final Logger log = LoggerFactory.getLogger(StockEventHandler.class);

	private final ProcessedEvents processed;

	private final OrderSaga saga;

	StockEventHandler(ProcessedEvents processed, OrderSaga saga) {
		this.processed = processed;
		this.saga = saga;
	}

	/**
	 * Applies an event unless its id was applied before.
	 * @param incoming the decoded event
	 * @return {@code false} when the event was a repeat and was ignored
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	boolean apply(IncomingStockEvent incoming) {
		if (!this.processed.recordFirst(incoming.id(), incoming.type())) {
			log.info("Event {} ({}) was applied before; ignored", incoming.id(), incoming.type());
			return false;
		}
		switch (incoming.event()) {
			case StockReserved reserved -> this.saga.stockReserved(reserved);
			case StockRejected rejected -> this.saga.stockRejected(rejected);
			// The catalog released stock it held for an order: on our cancellation or
			// rejection (nothing left to do), or because the reservation expired, which
			// happens only after the saga's deadline has rejected the order.
			case StockReleased released ->
				log.debug("Stock of order {} released ({})", released.orderId(), released.reason());
			default -> throw new PoisonMessageException("Not a stock event: " + incoming.type());
		}
		return true;
	}

}
