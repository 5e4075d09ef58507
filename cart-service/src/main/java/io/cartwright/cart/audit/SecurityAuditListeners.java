package io.cartwright.cart.audit;

import java.util.Map;

import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.security.AbstractAuthenticationAuditListener;
import org.springframework.boot.actuate.security.AbstractAuthorizationAuditListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.authorization.event.AuthorizationEvent;
import org.springframework.security.core.Authentication;

/**
 * Turns Spring Security's events into audit events, in place of Spring Boot's default
 * listeners: those would record every successful token check (one row per request) and
 * name a refused bearer token by the token itself. Here:
 * <ul>
 * <li>{@code TOKEN_REFUSED}: a bearer token that failed validation (expired, tampered,
 * another issuer's), answered 401; the actor is {@code anonymous}, since nothing in such
 * a token can be believed, and the token is never stored;</li>
 * <li>{@code ACCESS_DENIED}: a request the rules refused, 403 for a token without the
 * role, 401 ({@code status}) for a caller without a token.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityAuditListeners {

	static final String TOKEN_REFUSED = "TOKEN_REFUSED";

	static final String ACCESS_DENIED = "ACCESS_DENIED";

	@Bean
	AbstractAuthenticationAuditListener tokenRefusals() {
		return new AbstractAuthenticationAuditListener() {
			@Override
			public void onApplicationEvent(AbstractAuthenticationEvent event) {
				if (event instanceof AbstractAuthenticationFailureEvent failure) {
					Map<String, Object> data = AuditData.origin();
					AuditData.put(data, "reason", failure.getException().getMessage());
					publish(new AuditEvent(AuditData.ANONYMOUS, TOKEN_REFUSED, data));
				}
			}
		};
	}

	@Bean
	AbstractAuthorizationAuditListener accessDenials() {
		return new AbstractAuthorizationAuditListener() {
			@Override
			public void onApplicationEvent(AuthorizationEvent event) {
				if (event instanceof AuthorizationDeniedEvent<?> denied) {
					Authentication authentication = denied.getAuthentication().get();
					Map<String, Object> data = AuditData.origin();
					AuditData.put(data, AuditData.ROLES, AuditData.roles(authentication));
					data.put("status",
							(authentication == null || authentication instanceof AnonymousAuthenticationToken) ? 401
									: 403);
					publish(new AuditEvent(AuditData.principal(authentication), ACCESS_DENIED, data));
				}
			}
		};
	}

}
