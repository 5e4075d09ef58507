package io.cartwright.cart.audit;

import java.time.Instant;

import io.cartwright.cart.web.PageView;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for staff: {@code GET /admin/audit}, newest first, filtered by actor,
 * entity, action and time ({@code from} inclusive, {@code to} exclusive, ISO-8601
 * instants). At the gateway: {@code /api/admin/audit/cart}.
 */
@RestController
class AuditController {

	private final JdbcAuditEventRepository events;

	AuditController(JdbcAuditEventRepository events) {
		this.events = events;
	}

	@GetMapping("/admin/audit")
	PageView<AuditEntry> audit(@RequestParam(required = false) @Nullable @Size(max = 255) String actor,
			@RequestParam(required = false) @Nullable @Size(max = 64) String entityType,
			@RequestParam(required = false) @Nullable @Size(max = 255) String entityId,
			@RequestParam(required = false) @Nullable @Size(max = 64) String action,
			@RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.events.search(new AuditQuery(actor, entityType, entityId, action, from, to), page, size);
	}

}
