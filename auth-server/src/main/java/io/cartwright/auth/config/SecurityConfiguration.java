package io.cartwright.auth.config;

import java.io.IOException;
import java.net.URI;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.cartwright.auth.token.PublicClientRefreshTokenAuthenticationConverter;
import io.cartwright.auth.token.PublicClientRefreshTokenAuthenticationProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three filter chains:
 * <ol>
 * <li>the authorization server's endpoints ({@code /oauth2/**}, {@code /userinfo},
 * {@code /connect/logout}, {@code /.well-known/**}): an unauthenticated visit to the
 * authorization endpoint is sent to the sign-in page; {@code /userinfo} takes an access
 * token of this server; public clients may use refresh tokens;</li>
 * <li>the JSON API and Actuator ({@code /signup}, {@code /accounts/**},
 * {@code /admin/**}, {@code /actuator/**}): stateless, no CSRF (no cookies are read),
 * bearer tokens of this server, refusals as problem details;</li>
 * <li>the sign-in form, with a session and CSRF protection
 * ({@code LoginSecurityConfiguration}).</li>
 * </ol>
 * Tokens are checked against this server's own published keys, with its issuer.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain authorizationServer(HttpSecurity http, JWKSource<SecurityContext> keys,
			AuthorizationServerSettings settings, RegisteredClientRepository clients) {
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server
				.oidc((oidc) -> oidc
					.providerConfigurationEndpoint((endpoint) -> endpoint.providerConfigurationCustomizer(
							(metadata) -> metadata.claims(SecurityConfiguration::withoutDpop))))
				.authorizationServerMetadataEndpoint((endpoint) -> endpoint.authorizationServerMetadataCustomizer(
						(metadata) -> metadata.claims(SecurityConfiguration::withoutDpop)))
				.clientAuthentication((clientAuthentication) -> clientAuthentication
					.authenticationConverter(new PublicClientRefreshTokenAuthenticationConverter())
					.authenticationProvider(new PublicClientRefreshTokenAuthenticationProvider(clients)));
		});
		http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.oauth2ResourceServer((server) -> server.jwt((jwt) -> jwt.decoder(decoder(keys, settings))))
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), browserVisits(settings)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain api(HttpSecurity http, JWKSource<SecurityContext> keys, AuthorizationServerSettings settings,
			JsonMapper json) {
		BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
		BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();
		http.securityMatcher("/signup", "/accounts/**", "/admin/**", "/actuator/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, "/signup")
				.permitAll()
				.requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus")
				.permitAll()
				.requestMatchers("/admin/**")
				.hasRole("STAFF")
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer((server) -> server
				.jwt((jwt) -> jwt.decoder(decoder(keys, settings)).jwtAuthenticationConverter(roles()))
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
			.requestCache((cache) -> cache.disable());
		return http.build();
	}

	/**
	 * Tokens are not DPoP-bound here (ADR 0015): discovery must not say they can be.
	 */
	private static void withoutDpop(java.util.Map<String, Object> claims) {
		claims.remove("dpop_signing_alg_values_supported");
	}

	/**
	 * Who is sent to the sign-in page instead of getting a 401: every visit to the
	 * authorization endpoint (only a browser goes there) and any request for HTML.
	 */
	private static RequestMatcher browserVisits(AuthorizationServerSettings settings) {
		MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		html.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
		return new OrRequestMatcher(
				PathPatternRequestMatcher.withDefaults().matcher(settings.getAuthorizationEndpoint()), html);
	}

	private static JwtDecoder decoder(JWKSource<SecurityContext> keys, AuthorizationServerSettings settings) {
		NimbusJwtDecoder decoder = (NimbusJwtDecoder) OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
		decoder.setJwtValidator(
				new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(settings.getIssuer())));
		return decoder;
	}

	/**
	 * Roles come from the {@code roles} claim: {@code ["STAFF"]} becomes
	 * {@code ROLE_STAFF}.
	 */
	private static JwtAuthenticationConverter roles() {
		JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
		authorities.setAuthoritiesClaimName("roles");
		authorities.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(authorities);
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
