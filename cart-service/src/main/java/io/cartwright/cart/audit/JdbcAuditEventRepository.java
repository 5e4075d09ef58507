package io.cartwright.cart.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cartwright.cart.web.PageView;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Spring Boot's {@link AuditEventRepository} on the service's own database: every audit
 * event Spring Boot's {@code AuditListener} receives (security events; cart-service has
 * no staff actions) becomes a row of {@code audit_event}. The well-known entries of an
 * event's data have columns of their own ({@link AuditData}); the rest is kept as JSON in
 * {@code details}.
 */
@Repository
class JdbcAuditEventRepository implements AuditEventRepository {

	private static final int MAX_TEXT = 255;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	JdbcAuditEventRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public void add(AuditEvent event) {
		Map<String, Object> details = new LinkedHashMap<>(event.getData());
		Object roles = details.remove(AuditData.ROLES);
		Object entityType = details.remove(AuditData.ENTITY_TYPE);
		Object entityId = details.remove(AuditData.ENTITY_ID);
		Object clientAddress = details.remove(AuditData.CLIENT_ADDRESS);
		Object requestId = details.remove(AuditData.REQUEST_ID);
		Object before = details.remove(AuditData.BEFORE);
		Object after = details.remove(AuditData.AFTER);
		this.jdbc.sql("""
				INSERT INTO audit_event (occurred_at, principal, roles, action, entity_type, entity_id,
				                         client_address, request_id, details, before_state, after_state)
				VALUES (:at, :principal, :roles, :action, :entityType, :entityId, :clientAddress, :requestId,
				        :details, :before, :after)
				""")
			.param("at", LocalDateTime.ofInstant(event.getTimestamp(), ZoneOffset.UTC))
			.param("principal", cut(StringUtils.hasText(event.getPrincipal()) ? event.getPrincipal() : "anonymous"))
			.param("roles", cut(roles(roles)))
			.param("action", cut(event.getType()))
			.param("entityType", cut(text(entityType)))
			.param("entityId", cut(text(entityId)))
			.param("clientAddress", cut(text(clientAddress)))
			.param("requestId", cut(text(requestId)))
			.param("details", details.isEmpty() ? null : this.json.writeValueAsString(details))
			.param("before", jsonText(before))
			.param("after", jsonText(after))
			.update();
	}

	/**
	 * The events of a principal, after an instant, of a type: what Actuator's
	 * {@code auditevents} endpoint asks (not exposed over HTTP here), newest first.
	 */
	@Override
	@Transactional(readOnly = true)
	public List<AuditEvent> find(@Nullable String principal, @Nullable Instant after, @Nullable String type) {
		AuditQuery query = new AuditQuery(principal, null, null, type, after, null);
		return search(query, 0, 1000).content().stream().map((entry) -> {
			Map<String, Object> data = new LinkedHashMap<>();
			AuditData.put(data, AuditData.ENTITY_TYPE, entry.entityType());
			AuditData.put(data, AuditData.ENTITY_ID, entry.entityId());
			AuditData.put(data, AuditData.CLIENT_ADDRESS, entry.clientAddress());
			return new AuditEvent(entry.occurredAt(), entry.actor(), entry.action(), data);
		}).toList();
	}

	/**
	 * One page of the events that match, newest first.
	 * @param query which events
	 * @param page the page number, from 0
	 * @param size the page size
	 * @return the page
	 */
	@Transactional(readOnly = true)
	public PageView<AuditEntry> search(AuditQuery query, int page, int size) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		condition(conditions, params, "principal = :actor", "actor", query.actor());
		condition(conditions, params, "entity_type = :entityType", "entityType", query.entityType());
		condition(conditions, params, "entity_id = :entityId", "entityId", query.entityId());
		condition(conditions, params, "action = :action", "action", query.action());
		condition(conditions, params, "occurred_at >= :from", "from", utc(query.from()));
		condition(conditions, params, "occurred_at < :to", "to", utc(query.to()));
		String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
		long total = this.jdbc.sql("SELECT COUNT(*) FROM audit_event" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<AuditEntry> content = this.jdbc
			.sql("SELECT * FROM audit_event" + where
					+ " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(this::entry)
			.list();
		return PageView.of(content, page, size, total);
	}

	/**
	 * Deletes up to {@code limit} events that happened before an instant.
	 * @param before the oldest instant kept
	 * @param limit how many rows one statement deletes at most
	 * @return how many were deleted
	 */
	int deleteOlderThan(Instant before, int limit) {
		return this.jdbc.sql("DELETE FROM audit_event WHERE occurred_at < :before ORDER BY occurred_at LIMIT :limit")
			.param("before", utc(before))
			.param("limit", limit)
			.update();
	}

	private AuditEntry entry(ResultSet row, int number) throws SQLException {
		String roles = row.getString("roles");
		return new AuditEntry(row.getLong("id"),
				row.getObject("occurred_at", LocalDateTime.class).toInstant(ZoneOffset.UTC), row.getString("principal"),
				StringUtils.hasText(roles) ? Arrays.asList(roles.split(",")) : List.of(), row.getString("action"),
				row.getString("entity_type"), row.getString("entity_id"), row.getString("client_address"),
				row.getString("request_id"), node(row.getString("details")), node(row.getString("before_state")),
				node(row.getString("after_state")));
	}

	private @Nullable JsonNode node(@Nullable String text) {
		return (text != null) ? this.json.readTree(text) : null;
	}

	private @Nullable String jsonText(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		return (value instanceof String text) ? text : this.json.writeValueAsString(value);
	}

	private static void condition(List<String> conditions, Map<String, Object> params, String condition, String name,
			@Nullable Object value) {
		if (value != null && !(value instanceof String text && text.isBlank())) {
			conditions.add(condition);
			params.put(name, value);
		}
	}

	private static @Nullable LocalDateTime utc(@Nullable Instant instant) {
		return (instant != null) ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
	}

	private static @Nullable String roles(@Nullable Object roles) {
		if (roles instanceof Collection<?> collection) {
			return collection.isEmpty() ? null : String.join(",", collection.stream().map(String::valueOf).toList());
		}
		return text(roles);
	}

	private static @Nullable String text(@Nullable Object value) {
		return (value != null) ? value.toString() : null;
	}

	private static @Nullable String cut(@Nullable String value) {
		return (value != null && value.length() > MAX_TEXT) ? value.substring(0, MAX_TEXT) : value;
	}

}
