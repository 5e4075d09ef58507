package io.cartwright.auth.audit;

import java.util.Map;

import io.cartwright.auth.account.EmailAddress;

import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.security.AbstractAuthenticationAuditListener;
import org.springframework.boot.actuate.security.AbstractAuthorizationAuditListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.authorization.event.AuthorizationEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Turns Spring Security's events into audit events, in place of Spring Boot's default
 * listeners (which would record every successful token check, and name a refused bearer
 * token by the token itself):
 * <ul>
 * <li>{@code SIGN_IN_SUCCEEDED}: a sign-in with email and password; the actor is the
 * account id (the subject of its tokens);</li>
 * <li>{@code SIGN_IN_FAILED}: a wrong password, an unknown email or a throttled attempt;
 * the actor is the email as typed (normalized), the reason says which;</li>
 * <li>{@code CLIENT_AUTHENTICATION_FAILED}: a client that failed to authenticate at the
 * token endpoint (wrong secret, unknown client);</li>
 * <li>{@code TOKEN_REFUSED}: a bearer token that failed validation (401), the actor
 * {@code anonymous}, the token never stored;</li>
 * <li>{@code ACCESS_DENIED}: a request the rules refused, 403 for a token without the
 * role, 401 for a caller without a token — except a browser's unauthenticated visit to
 * the authorization endpoint, which is how every sign-in starts.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityAuditListeners {

	static final String SIGN_IN_SUCCEEDED = "SIGN_IN_SUCCEEDED";

	static final String SIGN_IN_FAILED = "SIGN_IN_FAILED";

	static final String CLIENT_AUTHENTICATION_FAILED = "CLIENT_AUTHENTICATION_FAILED";

	static final String TOKEN_REFUSED = "TOKEN_REFUSED";

	static final String ACCESS_DENIED = "ACCESS_DENIED";

	private static final String AUTHORIZATION_ENDPOINT = "/oauth2/authorize";

	/**
	 * Spring Boot's publisher, except that a failure it has no event type for (the
	 * authorization server's {@code OAuth2AuthenticationException}, the sign-in
	 * throttle's refusal) is published too, as bad credentials.
	 */
	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
		DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
		publisher.setDefaultAuthenticationFailureEvent(AuthenticationFailureBadCredentialsEvent.class);
		return publisher;
	}

	@Bean
	AbstractAuthenticationAuditListener authentications() {
		return new AbstractAuthenticationAuditListener() {
			@Override
			public void onApplicationEvent(AbstractAuthenticationEvent event) {
				Authentication authentication = event.getAuthentication();
				if (event instanceof AuthenticationSuccessEvent
						&& authentication instanceof UsernamePasswordAuthenticationToken) {
					Map<String, Object> data = AuditData.origin();
					AuditData.put(data, AuditData.ROLES, AuditData.roles(authentication));
					publish(new AuditEvent(authentication.getName(), SIGN_IN_SUCCEEDED, data));
				}
				else if (event instanceof AbstractAuthenticationFailureEvent failure) {
					Map<String, Object> data = AuditData.origin();
					AuditData.put(data, "reason", failure.getException().getMessage());
					if (authentication instanceof UsernamePasswordAuthenticationToken) {
						publish(new AuditEvent(EmailAddress.normalize(authentication.getName()), SIGN_IN_FAILED, data));
					}
					else if (authentication instanceof OAuth2ClientAuthenticationToken client) {
						publish(new AuditEvent(String.valueOf(client.getPrincipal()), CLIENT_AUTHENTICATION_FAILED,
								data));
					}
					else if (authentication instanceof BearerTokenAuthenticationToken) {
						publish(new AuditEvent(AuditData.ANONYMOUS, TOKEN_REFUSED, data));
					}
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
					boolean anonymous = authentication == null
							|| authentication instanceof AnonymousAuthenticationToken;
					Map<String, Object> data = AuditData.origin();
					if (anonymous && String.valueOf(data.get("path")).endsWith(AUTHORIZATION_ENDPOINT)) {
						return;
					}
					AuditData.put(data, AuditData.ROLES, AuditData.roles(authentication));
					data.put("status", anonymous ? 401 : 403);
					publish(new AuditEvent(AuditData.principal(authentication), ACCESS_DENIED, data));
				}
			}
		};
	}

}
