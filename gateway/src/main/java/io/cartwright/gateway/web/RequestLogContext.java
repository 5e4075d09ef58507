package io.cartwright.gateway.web;

import java.util.function.Supplier;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import reactor.core.publisher.Mono;

/**
 * Writes the gateway's log lines about a request with the request's trace context in the
 * MDC ({@code traceId}, {@code spanId}, {@code requestId}), as every service's lines have
 * it.
 * <p>
 * Reactor's context propagation is limited in the gateway (it cost too much CPU on every
 * operator): the request's observation travels in the Reactor Context, not in thread
 * locals, so a line logged on a Reactor thread has no trace context of its own. This
 * opens the observation's scope, which fills the MDC, just around the few places that log
 * about a request.
 */
public final class RequestLogContext {

	private static final ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();

	private RequestLogContext() {
	}

	/**
	 * Runs {@code action} when the returned {@link Mono} is subscribed, with the trace
	 * context of the request it serves in scope; what {@code action} logs carries it.
	 * @param <T> the element type
	 * @param action logs, and returns what happens next
	 * @return the action's {@link Mono}
	 */
	public static <T> Mono<T> logging(Supplier<Mono<T>> action) {
		return Mono.deferContextual((reactorContext) -> {
			try (ContextSnapshot.Scope scope = snapshots.setThreadLocalsFrom(reactorContext,
					ObservationThreadLocalAccessor.KEY)) {
				return action.get();
			}
		});
	}

}
