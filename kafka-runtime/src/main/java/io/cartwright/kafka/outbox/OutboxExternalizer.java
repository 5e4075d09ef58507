package io.cartwright.kafka.outbox;

import java.util.concurrent.Executor;
import java.util.function.Function;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.support.BrokerRouting;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;

/**
 * Spring Modulith's Kafka externalizer (its {@code KafkaEventExternalizerConfiguration},
 * which a service using this excludes in its {@code application.yml}: Modulith's bean
 * cannot be replaced otherwise), with one difference: what follows Kafka's
 * acknowledgement of a send runs on a virtual thread, not on the Kafka producer's I/O
 * thread. It applies where Modulith's would: with Modulith's Kafka externalization on the
 * class path and not turned off.
 * <p>
 * The events go out through {@link CloudEventsMessageConverter}, which takes the place of
 * Modulith's default converter.
 * <p>
 * What follows is Modulith marking the publication completed: a database transaction. On
 * the producer's only I/O thread it held up every other send and acknowledgement of the
 * service while it waited for a pooled connection; with externalization serialized (one
 * event in flight at a time, for order), the outbox then relayed a few dozen events per
 * second under checkout load, and orders waited seconds for their stock (ADR 0024).
 */
@AutoConfiguration(beforeName = "org.springframework.modulith.events.kafka.KafkaJacksonConfiguration")
@ConditionalOnClass(DelegatingEventExternalizer.class)
@ConditionalOnProperty(name = "spring.modulith.events.externalization.enabled", havingValue = "true",
		matchIfMissing = true)
public class OutboxExternalizer {

	@Bean
	DelegatingEventExternalizer kafkaEventExternalizer(EventExternalizationConfiguration configuration,
			KafkaOperations<Object, Object> kafka, BeanFactory beans) {
		StandardEvaluationContext routingContext = new StandardEvaluationContext();
		routingContext.setBeanResolver(new BeanFactoryResolver(beans));
		Executor afterAcknowledgement = afterAcknowledgement();
		return new DelegatingEventExternalizer(configuration, (target, payload) -> {
			BrokerRouting routing = BrokerRouting.of(target, routingContext);
			MessageBuilder<?> message = (payload instanceof Message<?> built) ? MessageBuilder.fromMessage(built)
					: MessageBuilder.withPayload(payload).copyHeaders(configuration.getHeadersFor(payload));
			message.setHeaderIfAbsent(KafkaHeaders.KEY, routing.getKey(payload))
				.setHeaderIfAbsent(KafkaHeaders.TOPIC, routing.getTarget(payload));
			return kafka.send(message.build()).thenApplyAsync(Function.identity(), afterAcknowledgement);
		});
	}

	@Bean
	CloudEventsMessageConverter cloudEventsMessageConverter(JsonMapper json) {
		return new CloudEventsMessageConverter(json);
	}

	private static Executor afterAcknowledgement() {
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("outbox-acknowledged-");
		executor.setVirtualThreads(true);
		return executor;
	}

}
