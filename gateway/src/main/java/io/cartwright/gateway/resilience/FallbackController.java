package io.cartwright.gateway.resilience;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.cartwright.gateway.web.ProblemResponses;
import io.cartwright.gateway.web.RequestLogContext;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.swagger.v3.oas.annotations.Hidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * What a caller gets when a service cannot answer: the routes' circuit breakers forward
 * here ({@code forward:/fallback/<service>}). A service that is down, or whose circuit is
 * open, gives {@code 503} with {@code Retry-After}; one that is too slow gives
 * {@code 504}. Either way at once, as a problem detail.
 */
@Hidden
@RestController
class FallbackController {

	private static final Logger logger = LoggerFactory.getLogger(FallbackController.class);

	private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(10);

	private final ProblemResponses problems;

	private final CircuitBreakerRegistry breakers;

	FallbackController(ProblemResponses problems, CircuitBreakerRegistry breakers) {
		this.problems = problems;
		this.breakers = breakers;
	}

	@RequestMapping("/fallback/{service}")
	Mono<Void> fallback(@PathVariable String service, ServerWebExchange exchange) {
		return RequestLogContext.logging(() -> answer(service, exchange));
	}

	private Mono<Void> answer(String service, ServerWebExchange exchange) {
		Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		if (isTimeout(failure)) {
			logger.warn("{} did not answer in time: {}", service, failure.toString());
			return this.problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout",
					"The " + service + " service did not answer in time.");
		}
		String retryAfter = Long.toString(retryAfter(service).toSeconds());
		if (failure instanceof CallNotPermittedException) {
			return this.problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
					"The " + service + " service is failing; calls to it are paused for a moment.",
					(headers) -> headers.set(HttpHeaders.RETRY_AFTER, retryAfter));
		}
		logger.warn("{} cannot be reached: {}", service, (failure != null) ? failure.toString() : "no failure");
		return this.problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
				"The " + service + " service cannot be reached.",
				(headers) -> headers.set(HttpHeaders.RETRY_AFTER, retryAfter));
	}

	/**
	 * A service is worth asking again once its circuit would be half-open.
	 */
	private Duration retryAfter(String service) {
		// find, not circuitBreaker(name): a made-up name must not create a breaker.
		long millis = this.breakers.find(service)
			.map((breaker) -> breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1))
			.orElse(DEFAULT_RETRY_AFTER.toMillis());
		return Duration.ofMillis(Math.max(1000, millis));
	}

	private static boolean isTimeout(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TimeoutException) {
				return true;
			}
			if (cause instanceof ResponseStatusException status
					&& status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
				return true;
			}
		}
		return false;
	}

}
