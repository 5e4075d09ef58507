package io.cartwright.catalog.events;

import io.cartwright.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

/**
 * The transactional outbox: Spring Modulith stores every event published in a transaction
 * in {@code event_publication} with the change, and after the commit sends the
 * {@link OutgoingEvent outgoing ones} to Kafka, completing (deleting) the publication
 * once Kafka acknowledged it. Each goes to its topic keyed by its aggregate, with the
 * CloudEvents attributes as headers; the value is the record as JSON (kafka-runtime's
 * outbox: its converter with Boot's {@code JsonMapper}, over Kafka's
 * {@code ByteArraySerializer}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventsProperties.class)
class EventPublicationConfiguration {

	@Bean
	EventExternalizationConfiguration catalogEventExternalization() {
		return EventExternalizationConfiguration.externalizing()
			.select((event) -> OutgoingEvent.of(event).isPresent())
			// One at a time, in publication order: otherwise two quick changes of one
			// product
			// can reach Kafka in the wrong order, since each is sent from its own thread.
			.serializeExternalization(true)
			.routeAll((event) -> {
				OutgoingEvent<?> kind = OutgoingEvent.of(event).orElseThrow();
				return RoutingTarget.forTarget(kind.topic()).andKey(kind.attributesOf(event).subject());
			})
			.headers((event) -> OutgoingEvent.of(event).orElseThrow().attributesOf(event).headers())
			.build();
	}

	@Bean
	NewTopic productEventsTopic(EventsProperties properties) {
		return topic(Topics.PRODUCT_EVENTS, properties);
	}

	@Bean
	NewTopic stockEventsTopic(EventsProperties properties) {
		return topic(Topics.STOCK_EVENTS, properties);
	}

	/**
	 * Created here too: a consumer that subscribes before its topic exists waits minutes
	 * for it.
	 */
	@Bean
	NewTopic orderEventsTopic(EventsProperties properties) {
		return topic(Topics.ORDER_EVENTS, properties);
	}

	@Bean
	NewTopic orderEventsDeadLetterTopic(EventsProperties properties) {
		return topic(Topics.deadLetter(Topics.ORDER_EVENTS), properties);
	}

	private static NewTopic topic(String name, EventsProperties properties) {
		return TopicBuilder.name(name).partitions(properties.partitions()).replicas(properties.replicas()).build();
	}

}
