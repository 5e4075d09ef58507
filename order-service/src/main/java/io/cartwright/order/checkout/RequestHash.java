package io.cartwright.order.checkout;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import tools.jackson.databind.json.JsonMapper;

/**
 * The fingerprint of a checkout request under an idempotency key: SHA-256 of a canonical
 * form of the parsed request — the request record written back as compact JSON, its
 * fields in declaration order and absent ones as {@code null}. Two bodies that differ
 * only in whitespace or field order are the same request; any different value is not.
 */
final class RequestHash {

	private RequestHash() {
	}

	static String of(JsonMapper json, PlaceOrderRequest request) {
		try {
			byte[] canonical = json.writeValueAsBytes(request);
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
