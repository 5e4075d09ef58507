package io.cartwright.kafka.outbox;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.support.SimpleKafkaHeaderMapper;
import org.springframework.kafka.support.converter.ByteArrayJacksonJsonMessageConverter;
import org.springframework.messaging.Message;

/**
 * Turns an outgoing event message into a Kafka record carrying exactly the CloudEvents
 * binary-mode envelope: the event as JSON (through Boot's {@link JsonMapper}) and the
 * message's headers as UTF-8 strings. Replaces Modulith's default converter, which also
 * writes Spring-only headers ({@code __TypeId__} with the Java class name, and
 * {@code spring_json_header_types}) that tie consumers to this service's classes.
 */
class CloudEventsMessageConverter extends ByteArrayJacksonJsonMessageConverter {

	CloudEventsMessageConverter(JsonMapper json) {
		super(json);
		SimpleKafkaHeaderMapper headers = new SimpleKafkaHeaderMapper();
		headers.setMapAllStringsOut(true);
		setHeaderMapper(headers);
	}

	@Override
	protected Headers initialRecordHeaders(Message<?> message) {
		return new RecordHeaders();
	}

}
