package io.cartwright.order.order;

import java.util.UUID;

import io.cartwright.order.web.PageView;
import io.cartwright.order.web.Versions;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The back office: every order, and the moves after confirmation (ship, deliver). */
@RestController
class AdminOrderController {

	private final OrderQueries queries;

	private final OrderLifecycle lifecycle;

	AdminOrderController(OrderQueries queries, OrderLifecycle lifecycle) {
		this.queries = queries;
		this.lifecycle = lifecycle;
	}

	@GetMapping("/admin/orders")
	PageView<OrderView> orders(@RequestParam(required = false) @Nullable OrderStatus status,
			@RequestParam(required = false) @Nullable @Size(max = 100) String customerId,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.queries.listForStaff(status, customerId, page, size);
	}

	@PostMapping("/admin/orders/{id}/ship")
	ResponseEntity<OrderView> ship(@PathVariable UUID id) {
		Order order = this.lifecycle.ship(id);
		return ResponseEntity.ok().eTag(Versions.etag(order.version())).body(OrderView.of(order));
	}

	@PostMapping("/admin/orders/{id}/deliver")
	ResponseEntity<OrderView> deliver(@PathVariable UUID id) {
		Order order = this.lifecycle.deliver(id);
		return ResponseEntity.ok().eTag(Versions.etag(order.version())).body(OrderView.of(order));
	}

}
