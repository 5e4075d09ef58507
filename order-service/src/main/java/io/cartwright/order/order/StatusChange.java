package io.cartwright.order.order;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an order's history: the status it moved to, when and why.
 *
 * @param status the new status
 * @param occurredAt when
 * @param reason why, for statuses that need one (rejections, failures, cancellations)
 */
@Embeddable
public record StatusChange(@Column(name = "status") @Enumerated(EnumType.STRING) OrderStatus status,
		@Column(name = "occurred_at") Instant occurredAt, @Column(name = "reason") @Nullable String reason) {
}
