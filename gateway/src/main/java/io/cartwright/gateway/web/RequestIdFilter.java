package io.cartwright.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Gives every request an {@code X-Request-Id}: the caller's own when it is a sane one
 * (short, only safe characters), a new UUID otherwise. The id goes downstream with the
 * request and comes back on the response, also on refusals the gateway writes itself
 * (401, 429, 503), so a storefront can quote it and an operator can find the request in
 * every service's log.
 * <p>
 * The id also travels as W3C baggage ({@code baggage: requestId=<id>}), replacing any
 * baggage the caller sent: it is set before the gateway's server observation reads the
 * trace context from the request (this decorates the whole HTTP handler, ahead of every
 * {@code WebFilter}), so the request's trace context holds it: the gateway's calls to the
 * services carry it ({@link ServerContextSenderTracingObservationHandler}), its log lines
 * about the request name it ({@link RequestLogContext}), and from there every hop over
 * HTTP and Kafka carries it. Each service puts it into its log lines ({@code requestId},
 * {@code management.tracing.baggage.correlation.fields}) and onto its spans
 * ({@code tag-fields}) without code of its own.
 */
@Component
public class RequestIdFilter implements HttpHandlerDecoratorFactory {

	/** The header carrying the id, in both directions. */
	public static final String HEADER = "X-Request-Id";

	/** The baggage entry (and logging MDC key) of the id. */
	public static final String BAGGAGE_KEY = "requestId";

	private static final String BAGGAGE = "baggage";

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	@Override
	public HttpHandler apply(HttpHandler handler) {
		return (request, response) -> {
			String id = requestId(request.getHeaders().getFirst(HEADER));
			ServerHttpRequest withId = request.mutate().headers((headers) -> {
				headers.set(HEADER, id);
				headers.set(BAGGAGE, BAGGAGE_KEY + "=" + id);
			}).build();
			// Set, not add, just before the response goes out: a service echoing the id
			// must not make it appear twice.
			response.beforeCommit(() -> {
				response.getHeaders().set(HEADER, id);
				return Mono.empty();
			});
			return handler.handle(withId, response);
		};
	}

	static String requestId(String offered) {
		return (offered != null && SANE.matcher(offered).matches()) ? offered : UUID.randomUUID().toString();
	}

}
