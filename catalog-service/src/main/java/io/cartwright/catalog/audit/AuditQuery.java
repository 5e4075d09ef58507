package io.cartwright.catalog.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which audit events to list; every criterion is optional.
 *
 * @param actor only this actor's
 * @param entityType only about this kind of entity
 * @param entityId only about this entity
 * @param action only of this action
 * @param from only at or after this instant
 * @param to only before this instant
 */
record AuditQuery(@Nullable String actor, @Nullable String entityType, @Nullable String entityId,
		@Nullable String action, @Nullable Instant from, @Nullable Instant to) {

}
