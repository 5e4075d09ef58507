package io.cartwright.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class EventContractsTest {

	private static final Instant NOW = Instant.parse("2026-11-27T10:15:30.123456Z");

	private static final UUID ORDER = UUID.fromString("0b6b4c3e-6f0e-4a52-9d2d-5a8e2f1c9b11");

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void everyEventSurvivesAJsonRoundTripAsAConsumerReadsIt() {
		List<Record> events = List.of(new ProductCreated(UUID.randomUUID(), "tee", "Tee", null, "ACTIVE",
				List.of(new VariantSnapshot("TEE-M", Map.of("size", "M"), new Money(1999, "EUR"), true)), 1, NOW),
				new ProductUpdated(UUID.randomUUID(), "tee", "Tee", "https://img/tee.png", "ACTIVE", List.of(), 2, NOW),
				new ProductArchived(UUID.randomUUID(), List.of("TEE-M", "TEE-L"), 3, NOW),
				new StockLevelChanged("TEE-M", 7, NOW),
				new StockReserved(ORDER, List.of(new StockReserved.Line("TEE-M", 2, new Money(1999, "EUR"), "Tee")),
						NOW.plusSeconds(900), NOW),
				new StockRejected(ORDER, List.of(new StockRejected.Problem("TEE-M", 5, 1, "INSUFFICIENT_STOCK")), NOW),
				new StockReleased(ORDER, "EXPIRED", NOW),
				new OrderPlaced(ORDER, "customer-1", UUID.randomUUID(), List.of(new OrderLine("TEE-M", 2)), NOW),
				new OrderConfirmed(ORDER, "customer-1", UUID.randomUUID(), List.of(new OrderLine("TEE-M", 2)),
						new Money(3998, "EUR"), NOW),
				new OrderCancelled(ORDER, "CUSTOMER_REQUEST", NOW), new OrderRejected(ORDER, "STOCK_REJECTED", NOW));

		assertThat(events).extracting(Record::getClass)
			.containsExactlyInAnyOrderElementsOf(EventTypes.BY_TYPE.values());
		for (Record event : events) {
			String value = this.json.writeValueAsString(event);
			assertThat(this.json.readValue(value, event.getClass())).isEqualTo(event);
		}
	}

	@Test
	void moneyIsAnIntegerAmountInMinorUnitsWithItsCurrency() {
		assertThat(this.json.writeValueAsString(new Money(1999, "EUR")))
			.isEqualTo("{\"amount\":1999,\"currency\":\"EUR\"}");
	}

	@Test
	void aConsumerIgnoresFieldsItDoesNotKnow() {
		String newer = "{\"orderId\":\"" + ORDER + "\",\"reason\":\"EXPIRED\",\"occurredAt\":\"" + NOW
				+ "\",\"releasedBy\":\"janitor\"}";
		StockReleased event = this.json.readValue(newer, StockReleased.class);
		assertThat(event.reason()).isEqualTo("EXPIRED");
	}

	@Test
	void typesAreVersionedAndUnique() {
		assertThat(EventTypes.BY_TYPE.keySet())
			.allMatch((type) -> type.startsWith("io.cartwright.") && type.endsWith(".v1"));
		assertThat(Topics.deadLetter(Topics.ORDER_EVENTS)).isEqualTo("order.order-events.DLT");
	}

}
