package io.cartwright.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * How many requests a caller may send: a token bucket per caller, refilled at
 * {@code replenish-rate} tokens a second and holding at most {@code burst-capacity}; a
 * request takes one token.
 * <p>
 * A mutable bean rather than a record, on purpose: Spring Cloud rebinds
 * {@code @ConfigurationProperties} beans in place when the configuration changes (a bus
 * refresh), and only those with setters. {@link RateLimitFilter} reads the limits on
 * every request, so a change takes effect without a restart (docs/adr/0020).
 */
@ConfigurationProperties("cartwright.gateway.rate-limit")
public class RateLimitProperties implements Validator {

	/** Whether requests are counted at all. */
	private boolean enabled = true;

	/** The limit of a signed-in customer or staff member, per token subject. */
	private final Limit authenticated = new Limit(50, 100);

	/** The limit of a caller without a token, per client address. */
	private final Limit anonymous = new Limit(20, 40);

	/**
	 * The limit on auth-server's routes (sign-in, sign-up, tokens), per client address
	 * whether signed in or not: slows down credential stuffing and sign-up abuse.
	 */
	private final Limit auth = new Limit(10, 20);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Limit getAuthenticated() {
		return this.authenticated;
	}

	public Limit getAnonymous() {
		return this.anonymous;
	}

	public Limit getAuth() {
		return this.auth;
	}

	@Override
	public boolean supports(Class<?> type) {
		return RateLimitProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		RateLimitProperties properties = (RateLimitProperties) target;
		properties.authenticated.validate("authenticated", errors);
		properties.anonymous.validate("anonymous", errors);
		properties.auth.validate("auth", errors);
	}

	/** One bucket's size. */
	public static class Limit {

		/** Tokens added a second. */
		private int replenishRate;

		/** The most tokens the bucket holds: the largest burst. */
		private int burstCapacity;

		Limit(int replenishRate, int burstCapacity) {
			this.replenishRate = replenishRate;
			this.burstCapacity = burstCapacity;
		}

		public int getReplenishRate() {
			return this.replenishRate;
		}

		public void setReplenishRate(int replenishRate) {
			this.replenishRate = replenishRate;
		}

		public int getBurstCapacity() {
			return this.burstCapacity;
		}

		public void setBurstCapacity(int burstCapacity) {
			this.burstCapacity = burstCapacity;
		}

		void validate(String name, Errors errors) {
			if (this.replenishRate < 1 || this.burstCapacity < this.replenishRate) {
				errors.rejectValue(name, "invalid", "A rate limit needs replenish-rate >= 1 and burst-capacity >= "
						+ "replenish-rate, not " + this.replenishRate + " and " + this.burstCapacity);
			}
		}

	}

}
