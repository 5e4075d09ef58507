package io.cartwright.order.live;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells every instance that an order's history or a customer's feed grew, over Redis
 * pub/sub: {@code order-status:<order id>} carries the order's newest sequence number,
 * {@code order-status:customer:<customer id>} the customer's newest feed position. A
 * message is only a wake-up call ("changed up to N"): each instance reads the entries
 * themselves from MySQL, so a lost, late, repeated or reordered message changes nothing
 * but how soon a client hears of a change. Every instance subscribes to the pattern
 * {@code order-status:*} once, rather than to a channel per open stream, so that opening
 * a stream never waits for a subscription; an instance gets every message (a few bytes
 * per status change) and drops those for which it has no stream.
 * <p>
 * Redis down: publishing fails quickly ({@code spring.data.redis.timeout}), is logged
 * once per outage and the change reaches other instances' clients by their poll instead.
 */
@Component
class StatusFanout implements MessageListener {

	static final String CHANNEL_PREFIX = "order-status:";

	static final String CUSTOMER_CHANNEL_PREFIX = CHANNEL_PREFIX + "customer:";

	/** The channels every instance subscribes to. */
	static final String PATTERN = CHANNEL_PREFIX + "*";

	private static final Logger log = LoggerFactory.getLogger(StatusFanout.class);

	private final StringRedisTemplate redis;

	private final StatusStreams streams;

	private final AtomicBoolean redisAvailable = new AtomicBoolean(true);

	StatusFanout(StringRedisTemplate redis, StatusStreams streams) {
		this.redis = redis;
		this.streams = streams;
	}

	void orderChanged(UUID orderId, long sequence) {
		publish(CHANNEL_PREFIX + orderId, sequence);
	}

	void customerChanged(String customerId, long position) {
		publish(CUSTOMER_CHANNEL_PREFIX + customerId, position);
	}

	private void publish(String channel, long upTo) {
		try {
			this.redis.convertAndSend(channel, Long.toString(upTo));
			if (this.redisAvailable.compareAndSet(false, true)) {
				log.info("Order status changes are published on Redis again");
			}
		}
		catch (RuntimeException ex) {
			if (this.redisAvailable.compareAndSet(true, false)) {
				log.warn("Cannot publish order status changes on Redis ({}); other instances' streams "
						+ "pick them up by polling until it is back", ex.toString());
			}
		}
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		String channel = new String(message.getChannel(), StandardCharsets.UTF_8);
		long upTo;
		try {
			upTo = Long.parseLong(new String(message.getBody(), StandardCharsets.UTF_8).trim());
		}
		catch (NumberFormatException ex) {
			log.debug("Ignored a message on {} that is not a number", channel);
			return;
		}
		if (channel.startsWith(CUSTOMER_CHANNEL_PREFIX)) {
			this.streams.customerChanged(channel.substring(CUSTOMER_CHANNEL_PREFIX.length()), upTo);
		}
		else if (channel.startsWith(CHANNEL_PREFIX)) {
			try {
				this.streams.orderChanged(UUID.fromString(channel.substring(CHANNEL_PREFIX.length())), upTo);
			}
			catch (IllegalArgumentException ex) {
				log.debug("Ignored a message on {}: not an order id", channel);
			}
		}
	}

}
