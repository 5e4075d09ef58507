package io.cartwright.gateway.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the gateway's own refusals as RFC 9457 problem details, like every service
 * writes its errors: {@code application/problem+json} with a stable
 * {@code urn:cartwright:problem:*} type.
 */
@Component
public class ProblemResponses {

	private static final String TYPE_PREFIX = "urn:cartwright:problem:";

	private final JsonMapper json;

	ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Answers the exchange with a problem detail.
	 * @param exchange the exchange
	 * @param status the status
	 * @param type the last segment of the problem type, such as {@code rate-limited}
	 * @param detail what happened, for a human
	 * @param headers further response headers, such as {@code Retry-After}
	 * @return completes when the response is written
	 */
	public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String detail,
			Consumer<HttpHeaders> headers) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		headers.accept(response.getHeaders());
		byte[] body = this.json.writeValueAsBytes(body(exchange, status, type, detail));
		response.getHeaders().setContentLength(body.length);
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

	/**
	 * Answers the exchange with a problem detail.
	 * @param exchange the exchange
	 * @param status the status
	 * @param type the last segment of the problem type
	 * @param detail what happened, for a human
	 * @return completes when the response is written
	 */
	public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String detail) {
		return write(exchange, status, type, detail, (headers) -> {
		});
	}

	static Map<String, Object> body(ServerWebExchange exchange, HttpStatus status, String type, String detail) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", TYPE_PREFIX + type);
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", originalPath(exchange));
		return problem;
	}

	/**
	 * The path the caller asked for, also after a route rewrote it or a circuit breaker
	 * forwarded it to a fallback.
	 */
	private static String originalPath(ServerWebExchange exchange) {
		Set<URI> originals = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
		URI uri = (originals != null && !originals.isEmpty()) ? originals.iterator().next()
				: exchange.getRequest().getURI();
		return uri.getRawPath();
	}

}
