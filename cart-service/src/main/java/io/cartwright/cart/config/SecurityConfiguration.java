package io.cartwright.cart.config;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The cart is an OAuth2 resource server. A guest cart is reached anonymously by its id (a
 * bearer token, when sent, must be valid); {@code /carts/me} needs the {@code CUSTOMER}
 * role; the checkout hand-off under {@code /internal} needs a service token: the
 * {@code SERVICE} role or the {@value #INTERNAL_SCOPE} scope. Refusals are problem
 * details like every other error.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** The OAuth2 scope that lets a client-credentials token read carts for checkout. */
	static final String INTERNAL_SCOPE = "cart.internal";

	@Bean
	SecurityFilterChain api(HttpSecurity http, JsonMapper json) throws Exception {
		BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
		BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/error")
			.permitAll()
			.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole("STAFF")
			.requestMatchers("/internal/**")
			.hasAnyAuthority("ROLE_SERVICE", "SCOPE_" + INTERNAL_SCOPE)
			.requestMatchers("/carts/me", "/carts/me/**")
			.hasRole("CUSTOMER")
			// guest carts by id, and anything unmapped, which answers a 404 problem
			.anyRequest()
			.permitAll())
			.oauth2ResourceServer((server) -> server.jwt((jwt) -> jwt.jwtAuthenticationConverter(authorities()))
				.authenticationEntryPoint((request, response, ex) -> {
					bearer.commence(request, response, ex);
					write(json, request, response, HttpStatus.UNAUTHORIZED, "unauthorized",
							"A valid bearer token is required.");
				})
				.accessDeniedHandler((request, response, ex) -> {
					denied.handle(request, response, ex);
					write(json, request, response, HttpStatus.FORBIDDEN, "forbidden",
							"Your token does not allow this.");
				}))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.headers(Customizer.withDefaults());
		return http.build();
	}

	/**
	 * Authorities from the {@code roles} claim ({@code ["CUSTOMER"]} becomes
	 * {@code ROLE_CUSTOMER}) and from the standard {@code scope} claim
	 * ({@code SCOPE_cart.internal}).
	 */
	static JwtAuthenticationConverter authorities() {
		JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
		roles.setAuthoritiesClaimName("roles");
		roles.setAuthorityPrefix("ROLE_");
		JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter((jwt) -> {
			Collection<GrantedAuthority> all = new ArrayList<>(roles.convert(jwt));
			all.addAll(scopes.convert(jwt));
			return all;
		});
		return converter;
	}

	private static void write(JsonMapper json, HttpServletRequest request, HttpServletResponse response,
			HttpStatus status, String type, String detail) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:cartwright:problem:" + type));
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

}
