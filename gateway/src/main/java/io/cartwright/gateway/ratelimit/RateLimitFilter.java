package io.cartwright.gateway.ratelimit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.cartwright.gateway.web.ClientAddress;
import io.cartwright.gateway.web.EdgeProperties;
import io.cartwright.gateway.web.ProblemResponses;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.core.Ordered;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Limits how fast each caller may call the routes: per token subject when signed in, per
 * client address when not, and per client address on auth-server's routes. The counting
 * is Spring Cloud Gateway's {@link RedisRateLimiter} (a token bucket in one atomic Redis
 * script, shared by every gateway instance); this filter picks the bucket and answers a
 * refusal with {@code 429}, {@code Retry-After} and a problem detail, which the stock
 * {@code RequestRateLimiter} filter does not.
 * <p>
 * When Redis cannot be reached the request goes through (the limiter fails open): the
 * shop keeps selling while Redis is down. Each such request is counted
 * ({@code cartwright.gateway.rate-limit} with {@code outcome=unavailable}), and the
 * change of state is logged once each way.
 * <p>
 * The limits are read from {@link RateLimitProperties} on every request, so a new limit
 * from a configuration refresh (Spring Cloud Bus) applies to the next request. Buckets
 * keep the tokens they hold: a smaller burst capacity caps them at the next request.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

	static final String CUSTOMER = "customer";

	static final String ANONYMOUS = "anonymous";

	static final String AUTH = "auth";

	private static final Logger logger = LoggerFactory.getLogger(RateLimitFilter.class);

	private final RateLimitProperties properties;

	private final EdgeProperties edge;

	private final ProblemResponses problems;

	private final MeterRegistry meters;

	private final RedisRateLimiter limiter;

	private final AtomicBoolean redisAvailable = new AtomicBoolean(true);

	/** The limit last handed to the limiter, per tier. */
	private final Map<String, Size> applied = new ConcurrentHashMap<>();

	RateLimitFilter(RateLimitProperties properties, EdgeProperties edge, ProblemResponses problems,
			MeterRegistry meters, ReactiveStringRedisTemplate redis,
			@Qualifier(RedisRateLimiter.REDIS_SCRIPT_NAME) RedisScript<List<Long>> script,
			ConfigurationService configurationService) {
		this.properties = properties;
		this.edge = edge;
		this.problems = problems;
		this.meters = meters;
		this.limiter = new RedisRateLimiter(redis, script, configurationService);
	}

	/**
	 * The limiter's configuration of a tier, brought up to date with the properties: the
	 * limiter keeps one per tier in a plain map, so a change is written under a lock and
	 * only when the limit really changed.
	 */
	private String configured(String tier) {
		RateLimitProperties.Limit limit = switch (tier) {
			case CUSTOMER -> this.properties.getAuthenticated();
			case AUTH -> this.properties.getAuth();
			default -> this.properties.getAnonymous();
		};
		Size size = new Size(limit.getReplenishRate(), limit.getBurstCapacity());
		if (!size.equals(this.applied.get(tier))) {
			synchronized (this.limiter) {
				this.limiter.getConfig()
					.put(tier, new RedisRateLimiter.Config().setReplenishRate(size.replenishRate())
						.setBurstCapacity(size.burstCapacity()));
				this.applied.put(tier, size);
			}
		}
		return tier;
	}

	@Override
	public int getOrder() {
		// Before the routes' own filters (circuit breaker, retry): a refused request
		// never reaches a service, and a retry is not counted again.
		return -100;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		if (!this.properties.isEnabled()) {
			return chain.filter(exchange);
		}
		return bucket(exchange).flatMap((bucket) -> this.limiter.isAllowed(configured(bucket.tier()), bucket.key())
			.flatMap((response) -> decide(exchange, chain, bucket, response)));
	}

	private Mono<Bucket> bucket(ServerWebExchange exchange) {
		String path = exchange.getRequest().getPath().value();
		Mono<Bucket> byAddress = Mono
			.fromSupplier(() -> new Bucket(ANONYMOUS, ClientAddress.of(exchange.getRequest(), this.edge)));
		if (path.equals("/api/auth") || path.startsWith("/api/auth/") || path.startsWith("/.well-known/")) {
			return Mono.fromSupplier(() -> new Bucket(AUTH, ClientAddress.of(exchange.getRequest(), this.edge)));
		}
		return exchange.getPrincipal()
			.filter((principal) -> principal instanceof Authentication authentication
					&& authentication.isAuthenticated())
			.map((principal) -> new Bucket(CUSTOMER, principal.getName()))
			.switchIfEmpty(byAddress);
	}

	private Mono<Void> decide(ServerWebExchange exchange, GatewayFilterChain chain, Bucket bucket,
			RateLimiter.Response response) {
		HttpHeaders headers = exchange.getResponse().getHeaders();
		response.getHeaders().forEach(headers::set);
		boolean unavailable = "-1".equals(response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER));
		noteRedis(!unavailable);
		String outcome = unavailable ? "unavailable" : (response.isAllowed() ? "allowed" : "limited");
		this.meters.counter("cartwright.gateway.rate-limit", "tier", bucket.tier(), "outcome", outcome).increment();
		if (response.isAllowed()) {
			return chain.filter(exchange);
		}
		// One token comes back every 1/replenish-rate seconds: at the latest a second.
		return this.problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
				"Too many requests. Try again in a moment.", (h) -> h.set(HttpHeaders.RETRY_AFTER, "1"));
	}

	private void noteRedis(boolean available) {
		if (this.redisAvailable.compareAndSet(!available, available)) {
			if (available) {
				logger.info("Rate limiting works again: Redis answers");
			}
			else {
				logger.warn("Rate limiting is off while Redis cannot be reached: requests go through uncounted");
			}
		}
	}

	/**
	 * One caller's bucket.
	 *
	 * @param tier which limit applies
	 * @param key who is counted: a token subject or a client address
	 */
	record Bucket(String tier, String key) {

	}

	/**
	 * A tier's limit as the limiter was last told it.
	 *
	 * @param replenishRate tokens added a second
	 * @param burstCapacity the most tokens a bucket holds
	 */
	private record Size(int replenishRate, int burstCapacity) {

	}

}
