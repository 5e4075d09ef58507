package io.cartwright.order.payment;

import java.util.UUID;

import io.cartwright.order.pricing.Money;

/**
 * The port a payment provider plugs into. Authorization reserves the amount on the
 * customer's payment method when the stock is reserved; capture takes it when the order
 * is confirmed; a void gives back an authorization that was never captured; a refund
 * gives back a captured amount. Every call is idempotent per order, as real providers are
 * with an idempotency key: repeating it returns the first answer.
 */
public interface PaymentProvider {

	/**
	 * Reserves an amount on a payment method.
	 * @param orderId the order, also the idempotency key
	 * @param paymentMethod the token the storefront got from the provider
	 * @param amount the amount
	 * @return approved with the provider's authorization id, or declined with a reason
	 * @throws PaymentUnavailableException when the provider does not answer in time; the
	 * outcome is unknown and the call may be repeated
	 */
	Authorization authorize(UUID orderId, String paymentMethod, Money amount);

	/**
	 * Takes an authorized amount.
	 * @param authorizationId the authorization
	 * @param amount the amount, at most the authorized one
	 * @throws PaymentUnavailableException when the provider does not answer in time
	 */
	void capture(String authorizationId, Money amount);

	/**
	 * Releases an authorization that will not be captured.
	 * @param authorizationId the authorization
	 * @throws PaymentUnavailableException when the provider does not answer in time
	 */
	void voidAuthorization(String authorizationId);

	/**
	 * Gives back a captured amount.
	 * @param authorizationId the authorization that was captured
	 * @param amount the amount, at most the captured one
	 * @throws PaymentUnavailableException when the provider does not answer in time
	 */
	void refund(String authorizationId, Money amount);

	/**
	 * The answer to an authorization.
	 *
	 * @param approved whether the amount is reserved
	 * @param authorizationId the provider's id of the authorization, when approved
	 * @param declineReason why not, when declined
	 */
	record Authorization(boolean approved, String authorizationId, String declineReason) {

		public static Authorization approved(String authorizationId) {
			return new Authorization(true, authorizationId, null);
		}

		public static Authorization declined(String reason) {
			return new Authorization(false, null, reason);
		}

	}

}
