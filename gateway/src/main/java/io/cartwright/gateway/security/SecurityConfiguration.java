package io.cartwright.gateway.security;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.cartwright.gateway.web.ProblemResponses;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.util.StringUtils;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The gateway is an OAuth2 resource server: it checks every bearer token it is shown
 * (signature, expiry, issuer) and lets a request without one through only to what is
 * public. The services check the token again and decide what the caller may do; the
 * gateway only keeps anonymous callers away from what needs an identity, and callers
 * without the {@code STAFF} role away from the back office. Stateless: no session, no
 * CSRF token (a bearer token is not sent by the browser on its own).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ProblemResponses problems,
			CorsConfigurationSource cors) {
		http.authorizeExchange((exchanges) -> exchanges
			// Preflights carry no token; CORS answers them before this point anyway.
			.pathMatchers(HttpMethod.OPTIONS, "/**")
			.permitAll()
			.pathMatchers(HttpMethod.GET, "/api/catalog/**")
			.permitAll()
			.pathMatchers(HttpMethod.HEAD, "/api/catalog/**")
			.permitAll()
			// Sign-in, sign-up, tokens and discovery: auth-server decides.
			.pathMatchers("/api/auth/**", "/.well-known/**")
			.permitAll()
			// Guest carts are anonymous by design; cart-service decides about /carts/me.
			.pathMatchers("/api/carts", "/api/carts/**")
			.permitAll()
			.pathMatchers("/api/docs/**")
			.permitAll()
			.pathMatchers("/api/admin/**")
			.hasRole("STAFF")
			// Reached only by the circuit breakers' forward, which skips this chain.
			.pathMatchers("/fallback/**")
			.denyAll()
			// Anything else under /api needs a token, also routes added later.
			.pathMatchers("/api/**")
			.authenticated()
			// Outside /api: health, the gateway's own actuator endpoints (only health,
			// info
			// and prometheus are exposed), the Swagger UI; an unknown path is a 404.
			.anyExchange()
			.permitAll())
			.oauth2ResourceServer((server) -> server.jwt((jwt) -> jwt.jwtAuthenticationConverter(roles()))
				.authenticationEntryPoint((exchange, ex) -> problems.write(exchange, HttpStatus.UNAUTHORIZED,
						"unauthorized", "A valid bearer token is required.",
						(headers) -> headers.set(HttpHeaders.WWW_AUTHENTICATE, unauthorizedChallenge(ex))))
				.accessDeniedHandler((exchange, ex) -> problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden",
						"Your token does not allow this.",
						(headers) -> headers.set(HttpHeaders.WWW_AUTHENTICATE,
								"Bearer error=\"insufficient_scope\", error_description=\"The request requires higher privileges than provided by the access token.\""))))
			.cors((spec) -> spec.configurationSource(cors))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache((cache) -> cache.disable())
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.headers((headers) -> headers
				// A service decides how its answers may be cached (the catalog's ETags).
				.cache((cache) -> cache.disable())
				.frameOptions((frames) -> frames.mode(Mode.DENY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.writer(new ContentSecurityPolicyWriter()));
		return http.build();
	}

	/**
	 * Spring Security's firewall refuses suspicious requests (a {@code ..} segment, an
	 * encoded slash) before any route sees them; the refusal is a problem detail too.
	 */
	@Bean
	ServerExchangeRejectedHandler problemOnRejectedExchange(ProblemResponses problems) {
		return (exchange, ex) -> problems.write(exchange, HttpStatus.BAD_REQUEST, "bad-request",
				"The request was rejected: " + ex.getMessage());
	}

	@Bean
	CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(properties.allowedOrigins());
		cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
		cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "Idempotency-Key",
				HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH, "X-Request-Id", "traceparent", "tracestate",
				// A storefront resuming a live order status stream with fetch().
				"Last-Event-ID"));
		cors.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.RETRY_AFTER,
				HttpHeaders.WWW_AUTHENTICATE, "X-Request-Id", "X-RateLimit-Remaining", "X-RateLimit-Replenish-Rate",
				"X-RateLimit-Burst-Capacity", "X-RateLimit-Requested-Tokens"));
		cors.setAllowCredentials(properties.allowCredentials());
		cors.setMaxAge(properties.maxAge());
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", cors);
		return source;
	}

	/**
	 * Roles come from the {@code roles} claim: {@code ["STAFF"]} becomes
	 * {@code ROLE_STAFF}, as in every service.
	 */
	static Converter<Jwt, Mono<AbstractAuthenticationToken>> roles() {
		JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
		authorities.setAuthoritiesClaimName("roles");
		authorities.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(authorities);
		return new ReactiveJwtAuthenticationConverterAdapter(converter);
	}

	/**
	 * The RFC 6750 challenge: {@code Bearer} alone when no token came, with the error
	 * when one was refused.
	 */
	static String unauthorizedChallenge(AuthenticationException ex) {
		if (ex instanceof OAuth2AuthenticationException oauth && oauth.getError() instanceof BearerTokenError error) {
			Map<String, String> parameters = new java.util.LinkedHashMap<>();
			parameters.put("error", error.getErrorCode());
			if (StringUtils.hasText(error.getDescription())) {
				parameters.put("error_description", error.getDescription().replace("\"", "'"));
			}
			return "Bearer " + parameters.entrySet()
				.stream()
				.map((entry) -> entry.getKey() + "=\"" + entry.getValue() + "\"")
				.collect(Collectors.joining(", "));
		}
		return "Bearer";
	}

}
