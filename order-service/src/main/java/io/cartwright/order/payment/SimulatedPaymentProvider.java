package io.cartwright.order.payment;

import java.util.UUID;

import io.cartwright.order.pricing.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deterministic stand-in for a payment provider, for development, tests and demos. The
 * payment method token decides the outcome, as with real providers' test cards:
 * <ul>
 * <li>{@value #APPROVE}: approved (up to the amount limit);</li>
 * <li>{@value #DECLINE}: declined with {@code card_declined};</li>
 * <li>{@value #TIME_OUT}: the provider does not answer
 * ({@link PaymentUnavailableException});</li>
 * <li>anything else: declined with {@code invalid_payment_method}.</li>
 * </ul>
 * An authorization id is derived from the order id, so repeating a call gives the same
 * answer.
 */
public class SimulatedPaymentProvider implements PaymentProvider {

	/** Always approved, up to the amount limit. */
	public static final String APPROVE = "tok_visa";

	/** Always declined. */
	public static final String DECLINE = "tok_declined";

	/** The provider never answers. */
	public static final String TIME_OUT = "tok_timeout";

	private static final String PREFIX = "sim_auth_";

	private static final Logger log = LoggerFactory.getLogger(SimulatedPaymentProvider.class);

	private final SimulatedPaymentProperties properties;

	public SimulatedPaymentProvider(SimulatedPaymentProperties properties) {
		this.properties = properties;
	}

	@Override
	public Authorization authorize(UUID orderId, String paymentMethod, Money amount) {
		Authorization answer = switch (paymentMethod) {
			case APPROVE -> withinLimit(amount) ? Authorization.approved(PREFIX + orderId)
					: Authorization.declined("amount_limit_exceeded");
			case DECLINE -> Authorization.declined("card_declined");
			case TIME_OUT -> throw new PaymentUnavailableException("The payment provider did not answer");
			default -> Authorization.declined("invalid_payment_method");
		};
		log.info("Simulated authorization of {} {} for order {}: {}", amount.amount(), amount.currency(), orderId,
				answer.approved() ? "approved" : answer.declineReason());
		return answer;
	}

	@Override
	public void capture(String authorizationId, Money amount) {
		requireKnown(authorizationId);
		if (!withinLimit(amount)) {
			throw new IllegalArgumentException("Cannot capture more than was authorized");
		}
	}

	@Override
	public void voidAuthorization(String authorizationId) {
		requireKnown(authorizationId);
	}

	@Override
	public void refund(String authorizationId, Money amount) {
		requireKnown(authorizationId);
	}

	private boolean withinLimit(Money amount) {
		return amount.amount() <= this.properties.getMaxAmount();
	}

	private static void requireKnown(String authorizationId) {
		if (authorizationId == null || !authorizationId.startsWith(PREFIX)) {
			throw new IllegalArgumentException("Unknown authorization " + authorizationId);
		}
	}

}
