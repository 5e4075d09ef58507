package io.cartwright.gateway.web;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Refuses a request body larger than {@code cartwright.gateway.max-request-size} with
 * {@code 413} and a problem detail before it reaches a service: at once when the request
 * declares its length, and as soon as the limit is passed when it is sent in chunks.
 * (Gateway's {@code RequestSize} filter answers with an empty body and looks at
 * {@code Content-Length} only.) Runs before the circuit breakers' body caching, so no
 * oversized body is ever held in memory.
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
		// Before AdaptCachedBodyGlobalFilter (HIGHEST_PRECEDENCE + 1000).
		return Ordered.HIGHEST_PRECEDENCE + 100;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		long length = exchange.getRequest().getHeaders().getContentLength();
		long limit = this.edge.maxRequestSize().toBytes();
		if (length > limit) {
			return this.problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
					"The request body is " + length + " bytes; at most " + limit + " are accepted.");
		}
		if (length >= 0) {
			return chain.filter(exchange);
		}
		ServerHttpRequestDecorator limited = new ServerHttpRequestDecorator(exchange.getRequest()) {

			@Override
			public Flux<DataBuffer> getBody() {
				AtomicLong seen = new AtomicLong();
				return super.getBody().handle((buffer, sink) -> {
					if (seen.addAndGet(buffer.readableByteCount()) > limit) {
						DataBufferUtils.release(buffer);
						sink.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
								"The request body is larger than the " + limit + " bytes accepted."));
					}
					else {
						sink.next(buffer);
					}
				});
			}

		};
		return chain.filter(exchange.mutate().request(limited).build());
	}

}
