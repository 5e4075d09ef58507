package io.cartwright.auth.audit;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One audit event as staff read it.
 *
 * @param id the event's id, increasing
 * @param occurredAt when it happened
 * @param actor who: the token's subject ({@code sub}), {@code anonymous} for a caller
 * without a valid token, {@code system} for the service itself
 * @param roles the actor's roles when it happened
 * @param action what: {@code SIGN_IN_SUCCEEDED}, {@code SIGN_IN_FAILED},
 * {@code CLIENT_AUTHENTICATION_FAILED}, {@code SIGNING_KEY_ROTATED},
 * {@code TOKEN_REFUSED}, {@code ACCESS_DENIED}
 * @param entityType the kind of thing changed ({@code signing-key}), if any
 * @param entityId the changed thing's id, if any
 * @param clientAddress from where: the caller's address as the gateway saw it
 * ({@code X-Forwarded-For}), else the TCP peer's
 * @param requestId the request's {@code X-Request-Id}, to find its logs and trace
 * @param details what else is known: the request's method and path, a refusal's reason
 * @param before the entity before the change, where it applies
 * @param after the entity after the change, where it applies
 */
public record AuditEntry(long id, Instant occurredAt, String actor, List<String> roles, String action,
		@Nullable String entityType, @Nullable String entityId, @Nullable String clientAddress,
		@Nullable String requestId, @Nullable JsonNode details, @Nullable JsonNode before, @Nullable JsonNode after) {

}
