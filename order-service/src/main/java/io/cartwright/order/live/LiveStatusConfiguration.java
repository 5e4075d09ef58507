package io.cartwright.order.live;

import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The live order status streams: their settings and the Redis subscription that wakes
 * them when another instance changed an order.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LiveStatusProperties.class)
class LiveStatusConfiguration {

	/**
	 * One pattern subscription per instance, started by {@link StatusSubscription} (not
	 * with the context, which it would stop from starting while Redis is down). Lost
	 * later, it is recovered every few seconds; the streams meanwhile rely on their poll.
	 */
	@Bean
	RedisMessageListenerContainer orderStatusSubscription(RedisConnectionFactory redis, StatusFanout fanout) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(redis);
		// The listener only looks streams up and hands work to their virtual threads: it
		// can run on Lettuce's thread rather than on a new thread per message (the
		// container's default).
		container.setTaskExecutor(new SyncTaskExecutor());
		container
			.setRecoveryBackoff(new FixedBackOff(Duration.ofSeconds(5).toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS));
		container.addMessageListener(fanout, new PatternTopic(StatusFanout.PATTERN));
		container.setAutoStartup(false);
		return container;
	}

}
