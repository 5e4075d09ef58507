package io.cartwright.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

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
 * every service's log. The gateway's own log lines about the request carry it too
 * ({@code requestId}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter implements WebFilter {

	/** The header carrying the id, in both directions. */
	public static final String HEADER = "X-Request-Id";

	/** The exchange attribute holding the id. */
	public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

	/** The logging MDC key (and Reactor context key) of the id. */
	public static final String MDC_KEY = "requestId";

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	RequestIdFilter() {
		// With Reactor's automatic context propagation
		// (spring.reactor.context-propagation)
		// the id follows the request from thread to thread into the MDC, so every log
		// line
		// about it carries it.
		ContextRegistry.getInstance()
			.registerThreadLocalAccessor(MDC_KEY, () -> MDC.get(MDC_KEY), (value) -> MDC.put(MDC_KEY, value),
					() -> MDC.remove(MDC_KEY));
	}

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
		return chain.filter(withId).contextWrite(Context.of(MDC_KEY, id));
	}

	static String requestId(String offered) {
		return (offered != null && SANE.matcher(offered).matches()) ? offered : UUID.randomUUID().toString();
	}

}
