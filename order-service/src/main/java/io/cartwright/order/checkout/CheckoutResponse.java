package io.cartwright.order.checkout;

/**
 * The answer to a checkout, exactly as it is stored with its idempotency key and
 * replayed.
 *
 * @param status the HTTP status: 202 for a placed order, a 4xx for a refused cart
 * @param body the JSON body: the order, or a problem detail
 */
record CheckoutResponse(int status, String body) {

	boolean accepted() {
		return this.status == 202;
	}

}
