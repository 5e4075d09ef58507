package io.cartwright.catalog.stock;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * One change of an SKU's quantity on hand: who, when, why, by how much, what was on hand
 * afterwards, and the order it was for if any. Written once, never changed.
 */
@Entity
@Table(name = "stock_movement")
class StockMovement {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String sku;

	private int delta;

	@Column(name = "on_hand_after")
	private int onHandAfter;

	// VARCHAR, not the native ENUM Hibernate would pick on MySQL.
	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private MovementReason reason;

	private @Nullable String note;

	private String actor;

	@Column(name = "order_id", length = 36)
	@JdbcTypeCode(SqlTypes.CHAR)
	private @Nullable UUID orderId;

	@Column(name = "occurred_at")
	private Instant occurredAt;

	protected StockMovement() {
	}

	StockMovement(String sku, int delta, int onHandAfter, MovementReason reason, @Nullable String note, String actor,
			@Nullable UUID orderId, Instant occurredAt) {
		this.sku = sku;
		this.delta = delta;
		this.onHandAfter = onHandAfter;
		this.reason = reason;
		this.note = note;
		this.actor = actor;
		this.orderId = orderId;
		this.occurredAt = occurredAt;
	}

	Long id() {
		return this.id;
	}

	String sku() {
		return this.sku;
	}

	int delta() {
		return this.delta;
	}

	int onHandAfter() {
		return this.onHandAfter;
	}

	MovementReason reason() {
		return this.reason;
	}

	@Nullable String note() {
		return this.note;
	}

	String actor() {
		return this.actor;
	}

	@Nullable UUID orderId() {
		return this.orderId;
	}

	Instant occurredAt() {
		return this.occurredAt;
	}

}
