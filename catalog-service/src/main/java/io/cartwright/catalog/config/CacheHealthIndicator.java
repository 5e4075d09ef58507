package io.cartwright.catalog.config;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Reports the Redis cache without ever being {@code DOWN}: the catalog answers from MySQL
 * while Redis is away, so a Redis outage must not take instances out of service. Boot's
 * own {@code redis} indicator is switched off for that reason
 * ({@code management.health.redis.enabled=false}).
 */
class CacheHealthIndicator implements HealthIndicator {

	private final RedisConnectionFactory redis;

	CacheHealthIndicator(RedisConnectionFactory redis) {
		this.redis = redis;
	}

	@Override
	public Health health() {
		try (RedisConnection connection = this.redis.getConnection()) {
			connection.ping();
			return Health.up().withDetail("redis", "up").build();
		}
		catch (RuntimeException ex) {
			return Health.up()
				.withDetail("redis", "unavailable, reads go to MySQL")
				.withDetail("error", ex.getClass().getSimpleName())
				.build();
		}
	}

}
