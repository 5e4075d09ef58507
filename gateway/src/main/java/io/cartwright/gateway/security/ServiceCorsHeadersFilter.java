package io.cartwright.gateway.security;

import java.util.Locale;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway answers CORS for every route ({@link SecurityConfiguration}); should a
 * service add {@code Access-Control-*} headers of its own, they are dropped from its
 * answer, so a browser sees each header once and only the gateway's policy.
 */
@Component
class ServiceCorsHeadersFilter implements HttpHeadersFilter {

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		HttpHeaders output = new HttpHeaders();
		input.forEach((name, values) -> {
			if (!name.toLowerCase(Locale.ROOT).startsWith("access-control-")) {
				output.addAll(name, values);
			}
		});
		return output;
	}

	@Override
	public boolean supports(Type type) {
		return type == Type.RESPONSE;
	}

}
