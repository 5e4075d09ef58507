package io.cartwright.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many requests a caller may send: a token bucket per caller, refilled at
 * {@code replenish-rate} tokens a second and holding at most {@code burst-capacity}; a
 * request takes one token.
 *
 * @param enabled whether requests are counted at all
 * @param authenticated the limit of a signed-in customer or staff member, per token
 * subject
 * @param anonymous the limit of a caller without a token, per client address
 * @param auth the limit on auth-server's routes (sign-in, sign-up, tokens), per client
 * address whether signed in or not: slows down credential stuffing and sign-up abuse
 */
@ConfigurationProperties("cartwright.gateway.rate-limit")
record RateLimitProperties(Boolean enabled, Limit authenticated, Limit anonymous, Limit auth) {

	RateLimitProperties {
		enabled = (enabled != null) ? enabled : Boolean.TRUE;
		authenticated = (authenticated != null) ? authenticated : new Limit(50, 100);
		anonymous = (anonymous != null) ? anonymous : new Limit(20, 40);
		auth = (auth != null) ? auth : new Limit(10, 20);
	}

	/**
	 * One bucket's size.
	 *
	 * @param replenishRate tokens added a second
	 * @param burstCapacity the most tokens the bucket holds: the largest burst
	 */
	record Limit(int replenishRate, int burstCapacity) {

		Limit {
			if (replenishRate < 1 || burstCapacity < replenishRate) {
				throw new IllegalArgumentException("A rate limit needs replenish-rate >= 1 and burst-capacity >= "
						+ "replenish-rate, not " + replenishRate + " and " + burstCapacity);
			}
		}

	}

}
