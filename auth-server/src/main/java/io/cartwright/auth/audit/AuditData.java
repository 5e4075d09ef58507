package io.cartwright.auth.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.util.StringUtils;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The well-known entries of an audit event's data, which {@link JdbcAuditEventRepository}
 * keeps in columns of their own, and how they are found: who from the authentication,
 * from where from the current request.
 */
final class AuditData {

	static final String ROLES = "roles";

	static final String ENTITY_TYPE = "entityType";

	static final String ENTITY_ID = "entityId";

	static final String CLIENT_ADDRESS = "clientAddress";

	static final String REQUEST_ID = "requestId";

	static final String BEFORE = "before";

	static final String AFTER = "after";

	static final String ANONYMOUS = "anonymous";

	static final String SYSTEM = "system";

	private static final String ROLE_PREFIX = "ROLE_";

	private AuditData() {
	}

	/** Who: the token's subject; {@code anonymous} without one. */
	static String principal(@Nullable Authentication authentication) {
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return ANONYMOUS;
		}
		return authentication.getName();
	}

	/** The roles of an authentication, without Spring Security's {@code ROLE_} prefix. */
	static List<String> roles(@Nullable Authentication authentication) {
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return List.of();
		}
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority != null && authority.startsWith(ROLE_PREFIX))
			.map((authority) -> authority.substring(ROLE_PREFIX.length()))
			.sorted()
			.toList();
	}

	/**
	 * From where, for the request being served, if any: the client's address, the request
	 * id, and the method and path. Behind the gateway the client's address is the first
	 * of {@code X-Forwarded-For}, which the gateway writes afresh (it ignores what an
	 * untrusted caller sent); the TCP peer is kept as {@code peer} when it differs.
	 */
	static Map<String, Object> origin() {
		Map<String, Object> data = new LinkedHashMap<>();
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			HttpServletRequest request = servlet.getRequest();
			String peer = request.getRemoteAddr();
			String forwarded = request.getHeader("X-Forwarded-For");
			String client = StringUtils.hasText(forwarded) ? forwarded.split(",")[0].strip() : peer;
			put(data, CLIENT_ADDRESS, client);
			if (peer != null && !peer.equals(client)) {
				put(data, "peer", peer);
			}
			put(data, REQUEST_ID, request.getHeader("X-Request-Id"));
			put(data, "method", request.getMethod());
			put(data, "path", request.getRequestURI());
		}
		return data;
	}

	static void put(Map<String, Object> data, String key, @Nullable Object value) {
		if (value != null && !(value instanceof String text && text.isBlank())) {
			data.put(key, value);
		}
	}

}
