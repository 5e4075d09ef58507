package io.cartwright.order.checkout;

import java.net.URI;

import io.cartwright.order.web.BadRequestException;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /orders}: checkout with an {@code Idempotency-Key}. Answers 202 with the
 * pending order and its {@code Location}; the saga goes on asynchronously. The body of a
 * replayed response is byte for byte the first one's.
 */
@RestController
class CheckoutController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private static final int MAX_KEY_LENGTH = 255;

	private final IdempotentCheckout checkout;

	private final JsonMapper json;

	CheckoutController(IdempotentCheckout checkout, JsonMapper json) {
		this.checkout = checkout;
		this.json = json;
	}

	@PostMapping("/orders")
	ResponseEntity<String> place(@RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String key,
			@Valid @RequestBody PlaceOrderRequest request, @AuthenticationPrincipal Jwt token) {
		if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
			throw new BadRequestException("idempotency-key-required",
					"The Idempotency-Key header is required: a unique value of at most 255 characters per checkout.");
		}
		CheckoutResponse response = this.checkout.place(token.getSubject(), key, request);
		if (!response.accepted()) {
			return ResponseEntity.status(response.status())
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(response.body());
		}
		String id = this.json.readTree(response.body()).get("id").asString();
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create("/orders/" + id))
			.contentType(MediaType.APPLICATION_JSON)
			.body(response.body());
	}

}
