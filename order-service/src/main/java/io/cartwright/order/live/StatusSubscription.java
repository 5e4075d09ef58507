package io.cartwright.order.live;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Starts the Redis subscription without making Redis a condition of starting the service:
 * {@link RedisMessageListenerContainer#start()} fails when Redis cannot be reached, which
 * would stop the application. So it is started here instead, and while Redis is down it
 * is tried again every few seconds in the background; meanwhile the streams poll. Once
 * subscribed, Lettuce reconnects and subscribes again by itself after a Redis restart.
 */
@Component
class StatusSubscription implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(StatusSubscription.class);

	private static final Duration RETRY = Duration.ofSeconds(5);

	private final RedisMessageListenerContainer container;

	private volatile boolean running;

	StatusSubscription(RedisMessageListenerContainer container) {
		this.container = container;
	}

	@Override
	public void start() {
		this.running = true;
		if (!subscribe()) {
			log.warn("Cannot subscribe to order status changes on Redis; streams rely on polling MySQL "
					+ "and the subscription is tried again every {} s", RETRY.toSeconds());
			Thread.ofVirtual().name("order-status-subscription").start(this::keepTrying);
		}
	}

	private void keepTrying() {
		while (this.running) {
			try {
				Thread.sleep(RETRY);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (this.running && subscribe()) {
				log.info("Subscribed to order status changes on Redis");
				return;
			}
		}
	}

	private synchronized boolean subscribe() {
		if (!this.running) {
			return false;
		}
		try {
			this.container.start();
			return true;
		}
		catch (RuntimeException ex) {
			log.debug("Redis subscription failed: {}", ex.toString());
			// Leaves it ready for the next start().
			this.container.stop();
			return false;
		}
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		this.container.stop();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
