package io.cartwright.order.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;

/**
 * Work handed to Boot's task executor keeps the context of the thread that handed it
 * over: the current observation, and with it the trace and the baggage (the gateway's
 * request id). Spring Modulith sends the outbox's events to Kafka on that executor after
 * the commit, so each record's {@code traceparent} continues the request or the record
 * whose handling published the event, and a checkout stays one trace across services.
 */
@Configuration(proxyBeanMethods = false)
class ContextPropagationConfiguration {

	@Bean
	ContextPropagatingTaskDecorator contextPropagatingTaskDecorator() {
		return new ContextPropagatingTaskDecorator();
	}

}
