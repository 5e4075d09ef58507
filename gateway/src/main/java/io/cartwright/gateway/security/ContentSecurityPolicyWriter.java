package io.cartwright.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.web.server.ServerWebExchange;

/**
 * A Content-Security-Policy for what the gateway serves, unless the answer brings its
 * own: JSON needs nothing at all ({@code default-src 'none'}); the Swagger UI page and
 * the live order status demo load their own scripts and styles and call the API;
 * auth-server's login page is auth-server's to protect, so it passes with whatever policy
 * auth-server gives it.
 */
class ContentSecurityPolicyWriter implements ServerHttpHeadersWriter {

	static final String HEADER = "Content-Security-Policy";

	static final String API = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

	static final String SWAGGER_UI = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
			+ "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

	/**
	 * The live order status demo: its own script and style, and calls to the API on the
	 * same origin (fetch streaming); nothing inline, nothing from elsewhere.
	 */
	static final String DEMO = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
			+ "img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

	@Override
	public Mono<Void> writeHttpHeaders(ServerWebExchange exchange) {
		HttpHeaders headers = exchange.getResponse().getHeaders();
		if (!headers.containsHeader(HEADER)) {
			String policy = policyFor(exchange.getRequest().getPath().value());
			if (policy != null) {
				headers.set(HEADER, policy);
			}
		}
		return Mono.empty();
	}

	static String policyFor(String path) {
		if (path.startsWith("/api/auth/") || path.equals("/api/auth") || path.startsWith("/.well-known/")) {
			return null;
		}
		if (path.startsWith("/swagger-ui") || path.startsWith("/webjars/swagger-ui")) {
			return SWAGGER_UI;
		}
		if (path.startsWith("/demo/")) {
			return DEMO;
		}
		return API;
	}

}
