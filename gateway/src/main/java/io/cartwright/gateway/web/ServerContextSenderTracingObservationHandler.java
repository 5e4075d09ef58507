package io.cartwright.gateway.web;

import io.micrometer.tracing.CurrentTraceContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.boot.micrometer.tracing.autoconfigure.TracingProperties;
import org.springframework.cloud.gateway.filter.headers.observation.GatewayContext;
import org.springframework.cloud.gateway.filter.headers.observation.GatewayPropagatingSenderTracingObservationHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gateway's handler of the call to a service (it drops the caller's trace headers and
 * writes the gateway's), run with the trace context of the request being served in scope.
 * It takes the place of Gateway's own, which backs off when there is one, in the same
 * order: ahead of Boot's handler for any sender.
 * <p>
 * Gateway finds the request's observation, and so the parent span, in the Reactor
 * Context, which needs no thread locals. The OpenTelemetry bridge, though, takes the
 * baggage of a new span, and of the headers it writes, from the thread's current context
 * only. With Reactor's context propagation limited nothing is current on the thread that
 * makes the call: the call went out with {@code traceparent} but without
 * {@code baggage: requestId=...}, and its span without the {@code requestId} tag. The
 * request's span context still holds the baggage that came in with the request
 * ({@link RequestIdFilter}); making it current just while the client span starts and its
 * headers are written is enough.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class ServerContextSenderTracingObservationHandler extends GatewayPropagatingSenderTracingObservationHandler {

	ServerContextSenderTracingObservationHandler(Tracer tracer, Propagator propagator, TracingProperties tracing) {
		super(tracer, propagator, tracing.getBaggage().getRemoteFields());
	}

	@Override
	public void onStart(GatewayContext context) {
		Span parent = getParentSpan(context);
		if (parent == null) {
			super.onStart(context);
			return;
		}
		try (CurrentTraceContext.Scope scope = getTracer().currentTraceContext().maybeScope(parent.context())) {
			super.onStart(context);
		}
	}

}
