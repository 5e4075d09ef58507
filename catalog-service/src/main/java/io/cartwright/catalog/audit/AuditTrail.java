package io.cartwright.catalog.audit;

import java.time.Clock;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what staff change, in the transaction that changes it: the entry is written if
 * and only if the change commits. Who comes from the caller's token ({@code system} when
 * there is none, as for the demo catalog), from where from the request.
 */
@Component
public class AuditTrail {

	private final AuditEventRepository events;

	private final JsonMapper json;

	private final Clock clock;

	AuditTrail(AuditEventRepository events, JsonMapper json) {
		this.events = events;
		this.json = json;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Records a change.
	 * @param action what was done, such as {@code PRODUCT_UPDATED}
	 * @param entityType the kind of entity, such as {@code product}
	 * @param entityId the entity's id
	 * @param before the entity before (its API view), or {@code null} for a creation
	 * @param after the entity after (its API view), or {@code null} for a deletion
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String action, String entityType, Object entityId, @Nullable Object before,
			@Nullable Object after) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String principal = (authentication != null) ? AuditData.principal(authentication) : AuditData.SYSTEM;
		Map<String, Object> data = AuditData.origin();
		AuditData.put(data, AuditData.ROLES, AuditData.roles(authentication));
		data.put(AuditData.ENTITY_TYPE, entityType);
		data.put(AuditData.ENTITY_ID, entityId.toString());
		AuditData.put(data, AuditData.BEFORE, (before != null) ? this.json.writeValueAsString(before) : null);
		AuditData.put(data, AuditData.AFTER, (after != null) ? this.json.writeValueAsString(after) : null);
		this.events.add(new AuditEvent(this.clock.instant(), principal, action, data));
	}

}
