package io.cartwright.gateway.web;

import io.micrometer.tracing.otel.bridge.BaggageTaggingSpanProcessor;

import org.springframework.boot.micrometer.tracing.autoconfigure.TracingProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the baggage named in {@code management.tracing.baggage.tag-fields} (the gateway's
 * {@code requestId}) on every span as an attribute, so that a trace can be searched by
 * the request id a customer quotes. Boot 4.0 applies {@code tag-fields} only to baggage
 * set through Micrometer's API, not to baggage that arrived with a request or a record;
 * Micrometer's span processor reads it from each span's parent context, wherever it came
 * from.
 */
@Configuration(proxyBeanMethods = false)
class BaggageTagsConfiguration {

	@Bean
	BaggageTaggingSpanProcessor baggageTaggingSpanProcessor(TracingProperties tracing) {
		return new BaggageTaggingSpanProcessor(tracing.getBaggage().getTagFields());
	}

}
