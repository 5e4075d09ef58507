package io.cartwright.gateway.web;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Refuses a request whose declared body is larger than
 * {@code cartwright.gateway.max-request-size} with {@code 413} and a problem detail,
 * before it reaches a service. (Gateway's {@code RequestSize} filter answers with an
 * empty body.)
 */
@Component
class RequestSizeLimitFilter implements GlobalFilter, Ordered {

	private final EdgeProperties edge;

	private final ProblemResponses problems;

	RequestSizeLimitFilter(EdgeProperties edge, ProblemResponses problems) {
		this.edge = edge;
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		return -200;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		long length = exchange.getRequest().getHeaders().getContentLength();
		long limit = this.edge.maxRequestSize().toBytes();
		if (length > limit) {
			return this.problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
					"The request body is " + length + " bytes; at most " + limit + " are accepted.");
		}
		return chain.filter(exchange);
	}

}
