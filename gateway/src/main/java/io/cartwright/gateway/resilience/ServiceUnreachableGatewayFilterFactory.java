package io.cartwright.gateway.resilience;

import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.TimeoutException;

import io.cartwright.gateway.web.ProblemResponses;
import io.cartwright.gateway.web.RequestLogContext;
import io.netty.channel.ConnectTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * For routes without a circuit breaker (long-lived streams): a service that cannot be
 * reached answers {@code 503 service-unavailable} with {@code Retry-After}, one whose
 * answer does not start in time {@code 504 gateway-timeout}, both as problem details like
 * the breakers' fallbacks, instead of a bare 500. Once a stream has started, a failure
 * just ends it; the client reconnects.
 * <p>
 * {@code - ServiceUnreachable=order} names the service in the problem.
 */
@Component
class ServiceUnreachableGatewayFilterFactory
		extends AbstractGatewayFilterFactory<ServiceUnreachableGatewayFilterFactory.Config> {

	private static final Logger logger = LoggerFactory.getLogger(ServiceUnreachableGatewayFilterFactory.class);

	/** A stream's client reconnects after a few seconds anyway. */
	private static final String RETRY_AFTER = "5";

	private final ProblemResponses problems;

	ServiceUnreachableGatewayFilterFactory(ProblemResponses problems) {
		super(Config.class);
		this.problems = problems;
	}

	@Override
	public List<String> shortcutFieldOrder() {
		return List.of("service");
	}

	@Override
	public GatewayFilter apply(Config config) {
		return (exchange, chain) -> chain.filter(exchange).onErrorResume((failure) -> {
			if (exchange.getResponse().isCommitted()) {
				return Mono.error(failure);
			}
			return RequestLogContext.logging(() -> answer(config, exchange, failure));
		});
	}

	private Mono<Void> answer(Config config, ServerWebExchange exchange, Throwable failure) {
		if (isTimeout(failure)) {
			logger.warn("{} did not answer in time: {}", config.getService(), failure.toString());
			return this.problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout",
					"The " + config.getService() + " service did not answer in time.");
		}
		if (isUnreachable(failure)) {
			logger.warn("{} cannot be reached: {}", config.getService(), failure.toString());
			return this.problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
					"The " + config.getService() + " service cannot be reached.",
					(headers) -> headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER));
		}
		return Mono.error(failure);
	}

	static boolean isTimeout(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TimeoutException || cause instanceof ConnectTimeoutException) {
				return true;
			}
			if (cause instanceof ResponseStatusException status
					&& status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
				return true;
			}
		}
		return false;
	}

	static boolean isUnreachable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException) {
				return true;
			}
		}
		return false;
	}

	/** Which service the route leads to. */
	public static class Config {

		private String service = "the";

		public String getService() {
			return this.service;
		}

		public void setService(String service) {
			this.service = service;
		}

	}

}
