package io.cartwright.kafka.outbox;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventAttributesTest {

	private static final Instant AT = Instant.parse("2026-11-27T10:00:00.123456Z");

	private static final String SOURCE = "/cartwright/test-service";

	@Test
	void theIdIsTheSameForTheSameFactAndDiffersForAnotherIdentityOrType() {
		String id = CloudEventAttributes.of(SOURCE, "thing.moved.v1", "42|3", AT, "42").id();

		assertThat(CloudEventAttributes.of(SOURCE, "thing.moved.v1", "42|3", AT.plusSeconds(1), "42").id())
			.isEqualTo(id);
		assertThat(CloudEventAttributes.of(SOURCE, "thing.moved.v1", "42|4", AT, "42").id()).isNotEqualTo(id);
		assertThat(CloudEventAttributes.of(SOURCE, "thing.removed.v1", "42|3", AT, "42").id()).isNotEqualTo(id);
	}

	@Test
	void headersCarryEveryCloudEventsAttributeInBinaryMode() {
		CloudEventAttributes attributes = CloudEventAttributes.of(SOURCE, "thing.moved.v1", "42|3", AT, "42");

		assertThat(attributes.headers()).containsEntry("ce_id", attributes.id())
			.containsEntry("ce_type", "thing.moved.v1")
			.containsEntry("ce_source", SOURCE)
			.containsEntry("ce_subject", "42")
			.containsEntry("ce_time", "2026-11-27T10:00:00.123456Z")
			.containsEntry("ce_specversion", "1.0")
			.containsEntry("content-type", "application/json");
	}

}
