package io.cartwright.catalog.events;

import io.cartwright.catalog.stock.ReleaseReason;
import io.cartwright.catalog.stock.StockReservations;
import io.cartwright.events.OrderCancelled;
import io.cartwright.events.OrderConfirmed;
import io.cartwright.events.OrderPlaced;
import io.cartwright.events.OrderRejected;
import io.cartwright.kafka.listener.PoisonMessageException;
import io.cartwright.kafka.listener.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies an order event exactly once: its {@code ce_id} is recorded in
 * {@code processed_event} in the same transaction as its effect on stock, and a repeat is
 * ignored. The reservations themselves are idempotent too, per order, so the same fact
 * sent again under a new id changes nothing either.
 */
@Service
class OrderEventHandler {

	private static final Logger log = LoggerFactory.getLogger(OrderEventHandler.class);

	private final ProcessedEvents processed;

	private final StockReservations reservations;

	OrderEventHandler(ProcessedEvents processed, StockReservations reservations) {
		this.processed = processed;
		this.reservations = reservations;
	}

	/**
	 * Applies an event unless its id was applied before.
	 * @param incoming the decoded event
	 * @return {@code false} when the event was a repeat and was ignored
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	boolean apply(IncomingOrderEvent incoming) {
		if (!this.processed.recordFirst(incoming.id(), incoming.type())) {
			log.info("Event {} ({}) was applied before; ignored", incoming.id(), incoming.type());
			return false;
		}
		switch (incoming.event()) {
			case OrderPlaced placed -> this.reservations.reserve(placed);
			case OrderConfirmed confirmed -> this.reservations.commit(confirmed.orderId());
			case OrderCancelled cancelled ->
				this.reservations.release(cancelled.orderId(), ReleaseReason.ORDER_CANCELLED);
			case OrderRejected rejected -> this.reservations.release(rejected.orderId(), ReleaseReason.ORDER_REJECTED);
			default -> throw new PoisonMessageException("Not an order event: " + incoming.type());
		}
		return true;
	}

}
