package io.cartwright.cart.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.cartwright.cart.support.CartIntegrationTest;
import io.cartwright.events.Money;
import io.cartwright.events.ProductArchived;
import io.cartwright.events.ProductCreated;
import io.cartwright.events.ProductUpdated;
import io.cartwright.events.StockLevelChanged;
import io.cartwright.events.StockReleased;
import io.cartwright.events.Topics;
import io.cartwright.events.VariantSnapshot;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ConsumerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Product and stock events from Kafka show up in cart reads, each applied once. */
class CatalogEventsIT extends CartIntegrationTest {

	@Autowired
	ConsumerFactory<String, byte[]> consumers;

	@Autowired
	MeterRegistry meters;

	@Test
	void aProductCreatedEventMakesItsSkusAddableEvenWhileTheCatalogIsDown() throws Exception {
		UUID product = UUID.randomUUID();
		String sku = sku("NEW");
		catalog.crashing(sku);
		publish(Topics.PRODUCT_EVENTS, product.toString(), UUID.randomUUID().toString(), ProductCreated.TYPE,
				new ProductCreated(product, "desk", "Desk", "https://img.test/desk.jpg", "ACTIVE",
						List.of(variant(sku, 25000, true)), 1, Instant.now()));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(
					jdbc.queryForList("SELECT product_name FROM sku_snapshot WHERE sku = ?", String.class, sku))
				.containsExactly("Desk"));

		UUID cart = createGuestCart();
		add(cart.toString(), sku, 1, null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.lines[0].productName")
			.isEqualTo("Desk")
			.jsonPath("$.lines[0].imageUrl")
			.isEqualTo("https://img.test/desk.jpg")
			.jsonPath("$.subtotal.amount")
			.isEqualTo(25000);
	}

	@Test
	void aPriceChangeShowsUpInTheCartWithTheOldPrice() throws Exception {
		UUID product = UUID.randomUUID();
		String sku = sku("PRICE");
		catalog.variant(sku, product, "Lamp", 1000, true, 10, 1);
		UUID cart = createGuestCart();
		add(cart.toString(), sku, 2, null).expectStatus().isOk();

		publish(Topics.PRODUCT_EVENTS, product.toString(), UUID.randomUUID().toString(), ProductUpdated.TYPE,
				updated(product, sku, "Lamp", 1200, true, 2));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> get("/carts/" + cart, null).expectBody()
				.jsonPath("$.lines[0].unitPrice.amount")
				.isEqualTo(1200)
				.jsonPath("$.lines[0].lineTotal.amount")
				.isEqualTo(2400)
				.jsonPath("$.lines[0].priceChanged.from.amount")
				.isEqualTo(1000)
				.jsonPath("$.lines[0].priceChanged.to.amount")
				.isEqualTo(1200)
				.jsonPath("$.subtotal.amount")
				.isEqualTo(2400));
		// the read's ETag moved with the price: the version rose without a cart write
		get("/carts/" + cart, null).expectHeader().valueEquals("ETag", "\"2\"");
	}

	@Test
	void anArchivedProductsLineIsUnavailableAndLeftOutOfTheSubtotal() throws Exception {
		UUID product = UUID.randomUUID();
		String archived = sku("ARCH");
		String kept = sku("KEEP");
		catalog.variant(archived, product, "Vase", 1000, true, 10, 1);
		catalog.variant(kept, 300, 10);
		UUID cart = createGuestCart();
		add(cart.toString(), archived, 1, null).expectStatus().isOk();
		add(cart.toString(), kept, 2, null).expectStatus().isOk();

		publish(Topics.PRODUCT_EVENTS, product.toString(), UUID.randomUUID().toString(), ProductArchived.TYPE,
				new ProductArchived(product, List.of(archived), 2, Instant.now()));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> get("/carts/" + cart, null).expectBody()
				.jsonPath("$.lines[?(@.sku == '" + archived + "')].available")
				.isEqualTo(false)
				.jsonPath("$.lines[?(@.sku == '" + kept + "')].available")
				.isEqualTo(true)
				.jsonPath("$.subtotal.amount")
				.isEqualTo(600)
				.jsonPath("$.itemCount")
				.isEqualTo(2));
	}

	@Test
	void aRepeatedEventIsAppliedOnceAndAnOlderVersionIsIgnored() throws Exception {
		UUID product = UUID.randomUUID();
		String sku = sku("ONCE");
		catalog.variant(sku, product, "Chair", 1000, true, 10, 5);
		UUID cart = createGuestCart();
		add(cart.toString(), sku, 1, null).expectStatus().isOk();
		String eventId = UUID.randomUUID().toString();

		publish(Topics.PRODUCT_EVENTS, product.toString(), eventId, ProductUpdated.TYPE,
				updated(product, sku, "Chair", 1500, true, 6));
		// the same event id again, with other content: must not be applied
		publish(Topics.PRODUCT_EVENTS, product.toString(), eventId, ProductUpdated.TYPE,
				updated(product, sku, "Chair", 9900, true, 7));
		// an older product version: must not be applied
		publish(Topics.PRODUCT_EVENTS, product.toString(), UUID.randomUUID().toString(), ProductUpdated.TYPE,
				updated(product, sku, "Chair", 1, true, 4));
		// a marker after them, on the same partition: once it is applied, the others were
		// seen
		String marker = sku("MARK");
		publish(Topics.PRODUCT_EVENTS, product.toString(), UUID.randomUUID().toString(), ProductUpdated.TYPE,
				new ProductUpdated(product, "chair", "Chair", null, "ACTIVE",
						List.of(variant(sku, 1500, true), variant(marker, 1, true)), 6, Instant.now()));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(
					jdbc.queryForList("SELECT sku FROM sku_snapshot WHERE sku = ?", String.class, marker))
				.hasSize(1));
		get("/carts/" + cart, null).expectBody().jsonPath("$.lines[0].unitPrice.amount").isEqualTo(1500);
		assertThat(
				jdbc.queryForObject("SELECT count(*) FROM processed_event WHERE event_id = ?", Integer.class, eventId))
			.isEqualTo(1);
	}

	@Test
	void stockLevelsAreKeptAndOlderOnesIgnoredAndOtherStockEventsSkipped() throws Exception {
		String sku = sku("STOCK");
		Instant now = Instant.now();
		publish(Topics.STOCK_EVENTS, sku, UUID.randomUUID().toString(), StockLevelChanged.TYPE,
				new StockLevelChanged(sku, 7, now));
		publish(Topics.STOCK_EVENTS, sku, UUID.randomUUID().toString(), StockLevelChanged.TYPE,
				new StockLevelChanged(sku, 99, now.minusSeconds(60)));
		publish(Topics.STOCK_EVENTS, sku, UUID.randomUUID().toString(), StockReleased.TYPE,
				new StockReleased(UUID.randomUUID(), "ORDER_CANCELLED", now));
		String marker = sku("MARK");
		publish(Topics.STOCK_EVENTS, sku, UUID.randomUUID().toString(), StockLevelChanged.TYPE,
				new StockLevelChanged(marker, 1, now));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(
					jdbc.queryForList("SELECT available FROM sku_stock WHERE sku = ?", Long.class, marker))
				.containsExactly(1L));
		assertThat(jdbc.queryForObject("SELECT available FROM sku_stock WHERE sku = ?", Long.class, sku)).isEqualTo(7);
	}

	@Test
	void poisonMessagesGoStraightToTheDeadLetterTopicAndAreCounted() throws Exception {
		double counted = deadLetters();
		String badJson = UUID.randomUUID().toString();
		String unknownType = UUID.randomUUID().toString();
		publishRaw(Topics.PRODUCT_EVENTS, badJson, ProductUpdated.TYPE, "{not json".getBytes(StandardCharsets.UTF_8));
		publishRaw(Topics.PRODUCT_EVENTS, unknownType, "io.cartwright.catalog.product.teleported.v1",
				"{}".getBytes(StandardCharsets.UTF_8));
		try (Consumer<String, byte[]> dlt = this.consumers.createConsumer("dlt-" + UUID.randomUUID(), null)) {
			TopicPartition partition = new TopicPartition(Topics.deadLetter(Topics.PRODUCT_EVENTS), 0);
			dlt.assign(List.of(partition));
			dlt.seekToBeginning(List.of(partition));
			Set<String> seen = new HashSet<>();
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				for (ConsumerRecord<String, byte[]> record : dlt.poll(Duration.ofMillis(200))) {
					seen.add(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
				}
				assertThat(seen).contains(badJson, unknownType);
			});
		}
		// Counted once the dead-letter send is acknowledged, a moment after the record is
		// readable.
		await().untilAsserted(() -> assertThat(deadLetters()).isGreaterThanOrEqualTo(counted + 2));
	}

	private double deadLetters() {
		return this.meters.get("cartwright.kafka.dead.letters").tag("topic", Topics.PRODUCT_EVENTS).counter().count();
	}

	private static ProductUpdated updated(UUID product, String sku, String name, long price, boolean active,
			long version) {
		return new ProductUpdated(product, name.toLowerCase(), name, null, active ? "ACTIVE" : "ARCHIVED",
				List.of(variant(sku, price, active)), version, Instant.now());
	}

	private static VariantSnapshot variant(String sku, long price, boolean active) {
		return new VariantSnapshot(sku, Map.of("size", "M"), new Money(price, "EUR"), active);
	}

}
