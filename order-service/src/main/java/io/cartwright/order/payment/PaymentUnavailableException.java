package io.cartwright.order.payment;

/**
 * The payment provider did not answer in time: the outcome is unknown, the call may be
 * repeated.
 */
public class PaymentUnavailableException extends RuntimeException {

	public PaymentUnavailableException(String message) {
		super(message);
	}

}
