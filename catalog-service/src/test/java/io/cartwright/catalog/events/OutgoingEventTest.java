package io.cartwright.catalog.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cartwright.events.ProductUpdated;
import io.cartwright.events.StockLevelChanged;
import io.cartwright.events.StockReleased;
import io.cartwright.events.Topics;
import io.cartwright.kafka.outbox.CloudEventAttributes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutgoingEventTest {

	private static final Instant AT = Instant.parse("2026-11-27T10:00:00.123456Z");

	@Test
	void theIdIsTheSameForTheSameEventAndDiffersForAnotherFact() {
		UUID orderId = UUID.randomUUID();
		StockReleased released = new StockReleased(orderId, "EXPIRED", AT);
		String id = attributes(released).id();

		assertThat(attributes(new StockReleased(orderId, "EXPIRED", AT)).id()).isEqualTo(id);
		assertThat(attributes(new StockReleased(orderId, "ORDER_CANCELLED", AT)).id()).isNotEqualTo(id);
		assertThat(attributes(new StockReleased(UUID.randomUUID(), "EXPIRED", AT)).id()).isNotEqualTo(id);
	}

	@Test
	void productEventsAreIdentifiedByProductAndVersionAndKeyedByProduct() {
		UUID productId = UUID.randomUUID();
		ProductUpdated v2 = new ProductUpdated(productId, "shirt", "Shirt", null, "ACTIVE", List.of(), 2, AT);
		ProductUpdated v3 = new ProductUpdated(productId, "shirt", "Shirt", null, "ACTIVE", List.of(), 3, AT);

		assertThat(attributes(v2).id()).isNotEqualTo(attributes(v3).id());
		assertThat(attributes(v2).subject()).isEqualTo(productId.toString());
		assertThat(OutgoingEvent.of(v2).orElseThrow().topic()).isEqualTo(Topics.PRODUCT_EVENTS);
	}

	@Test
	void stockLevelsAreKeyedBySkuWithEveryCloudEventsHeader() {
		Map<String, Object> headers = attributes(new StockLevelChanged("SKU-1", 3, AT)).headers();

		assertThat(headers).containsEntry("ce_type", StockLevelChanged.TYPE)
			.containsEntry("ce_source", "/cartwright/catalog-service")
			.containsEntry("ce_subject", "SKU-1")
			.containsEntry("ce_time", "2026-11-27T10:00:00.123456Z")
			.containsEntry("ce_specversion", "1.0")
			.containsEntry("content-type", "application/json")
			.containsKey("ce_id");
	}

	@Test
	void eventsTheCatalogDoesNotPublishAreNotExternalized() {
		assertThat(OutgoingEvent.of("just a string")).isEmpty();
	}

	private static CloudEventAttributes attributes(Object event) {
		return OutgoingEvent.of(event).orElseThrow().attributesOf(event);
	}

}
