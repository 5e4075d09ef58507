package io.cartwright.events;

/**
 * Kafka topic names. Every record on a topic is keyed by the id of the aggregate it is
 * about, so that one aggregate's events stay in order. A record that can never be
 * processed goes to the topic's dead-letter topic, {@code <topic>.DLT}.
 */
public final class Topics {

	/**
	 * {@link ProductCreated}, {@link ProductUpdated}, {@link ProductArchived}; keyed by
	 * product id.
	 */
	public static final String PRODUCT_EVENTS = "catalog.product-events";

	/**
	 * {@link StockReserved}, {@link StockRejected}, {@link StockReleased} keyed by order
	 * id; {@link StockLevelChanged} keyed by SKU.
	 */
	public static final String STOCK_EVENTS = "catalog.stock-events";

	/**
	 * {@link OrderPlaced}, {@link OrderConfirmed}, {@link OrderCancelled},
	 * {@link OrderRejected}; keyed by order id.
	 */
	public static final String ORDER_EVENTS = "order.order-events";

	/** Suffix of the dead-letter topic of each topic. */
	public static final String DEAD_LETTER_SUFFIX = ".DLT";

	private Topics() {
	}

	/**
	 * The dead-letter topic of a topic.
	 * @param topic a topic name
	 * @return the name of its dead-letter topic
	 */
	public static String deadLetter(String topic) {
		return topic + DEAD_LETTER_SUFFIX;
	}

}
