package io.cartwright.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request an {@code X-Request-Id}: the caller's own when it is a sane one
 * (short, only safe characters), a new UUID otherwise. The id goes downstream with the
 * request and comes back on the response, also on refusals the gateway writes itself
 * (401, 429, 503), so a storefront can quote it and an operator can find the request in
 * every service's log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter implements WebFilter {

	/** The header carrying the id, in both directions. */
	public static final String HEADER = "X-Request-Id";

	/** The exchange attribute holding the id. */
	public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String id = requestId(exchange.getRequest().getHeaders().getFirst(HEADER));
		ServerHttpRequest request = exchange.getRequest()
			.mutate()
			.headers((headers) -> headers.set(HEADER, id))
			.build();
		ServerWebExchange withId = exchange.mutate().request(request).build();
		withId.getAttributes().put(ATTRIBUTE, id);
		// Set, not add, just before the response goes out: a service echoing the id must
		// not make it appear twice.
		withId.getResponse().beforeCommit(() -> {
			withId.getResponse().getHeaders().set(HEADER, id);
			return Mono.empty();
		});
		return chain.filter(withId);
	}

	static String requestId(String offered) {
		return (offered != null && SANE.matcher(offered).matches()) ? offered : UUID.randomUUID().toString();
	}

}
