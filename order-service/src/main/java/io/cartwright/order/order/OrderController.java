package io.cartwright.order.order;

import java.util.UUID;

import io.cartwright.order.web.PageView;
import io.cartwright.order.web.Versions;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer's own orders: read one, list them, cancel one. Another customer's order is
 * "not found". Placing an order is the checkout's ({@code POST /orders}).
 */
@RestController
class OrderController {

	private final OrderQueries queries;

	private final OrderLifecycle lifecycle;

	OrderController(OrderQueries queries, OrderLifecycle lifecycle) {
		this.queries = queries;
		this.lifecycle = lifecycle;
	}

	@GetMapping("/orders/{id}")
	ResponseEntity<OrderView> order(@PathVariable UUID id, @AuthenticationPrincipal Jwt token) {
		Order order = this.queries.ofCustomer(id, token.getSubject());
		return ResponseEntity.ok().eTag(Versions.etag(order.version())).body(OrderView.of(order));
	}

	@GetMapping("/orders")
	PageView<OrderView> orders(@RequestParam(required = false) @Nullable OrderStatus status,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, @AuthenticationPrincipal Jwt token) {
		return this.queries.listOfCustomer(token.getSubject(), status, page, size);
	}

	@PostMapping("/orders/{id}/cancel")
	ResponseEntity<OrderView> cancel(@PathVariable UUID id, @AuthenticationPrincipal Jwt token) {
		Order order = this.lifecycle.cancel(id, token.getSubject());
		return ResponseEntity.ok().eTag(Versions.etag(order.version())).body(OrderView.of(order));
	}

}
