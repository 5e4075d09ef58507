package io.cartwright.kafka.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.cartwright.events.CloudEventHeaders;

/**
 * The CloudEvents attributes of one outgoing event, as Kafka headers in binary mode.
 * <p>
 * {@code ce_id} must be the same every time the same event is sent again (the outbox
 * resends a publication Kafka did not acknowledge; consumers drop an id they have
 * applied). The publication's own id is not available where headers are made, so the id
 * is a name-based (version 3) UUID of what identifies the fact: its type and its identity
 * (the aggregate and its version or the time it happened, as the service defines it per
 * kind of event). The event is stored and re-read from the outbox with those values
 * intact, so a resend yields the same id; two different facts never share all of them.
 *
 * @param id {@code ce_id}
 * @param type {@code ce_type}
 * @param source {@code ce_source}
 * @param time {@code ce_time}
 * @param subject {@code ce_subject}, the same as the record key
 */
public record CloudEventAttributes(String id, String type, String source, Instant time, String subject) {

	/**
	 * The attributes of one event.
	 * @param source {@code ce_source}, the publishing service
	 * ({@link CloudEventHeaders#sourceOf(String)})
	 * @param type {@code ce_type}
	 * @param identity what tells this event from every other of its type
	 * @param time when the fact happened
	 * @param subject the aggregate's id: the record key and {@code ce_subject}
	 * @return the attributes, with {@code ce_id} derived from type and identity
	 */
	public static CloudEventAttributes of(String source, String type, String identity, Instant time, String subject) {
		String name = type + "|" + identity;
		String id = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
		return new CloudEventAttributes(id, type, source, time, subject);
	}

	/**
	 * The attributes as Kafka headers, with the spec version and content type.
	 * @return header names and values, in a stable order
	 */
	public Map<String, Object> headers() {
		Map<String, Object> headers = new LinkedHashMap<>();
		headers.put(CloudEventHeaders.ID, this.id);
		headers.put(CloudEventHeaders.TYPE, this.type);
		headers.put(CloudEventHeaders.SOURCE, this.source);
		headers.put(CloudEventHeaders.TIME, this.time.toString());
		headers.put(CloudEventHeaders.SUBJECT, this.subject);
		headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
		headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
		return headers;
	}

}
