package io.cartwright.catalog.events;

import java.util.List;
import java.util.UUID;

import io.cartwright.catalog.TestCatalog;
import io.cartwright.catalog.category.CategoryView;
import io.cartwright.catalog.product.ProductDetails;
import io.cartwright.events.CloudEventHeaders;
import io.cartwright.events.ProductArchived;
import io.cartwright.events.ProductCreated;
import io.cartwright.events.ProductUpdated;
import io.cartwright.events.Topics;
import io.cartwright.infra.test.EmbeddedInfrastructure;
import io.cartwright.infra.test.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Product changes made through the API reach {@code catalog.product-events} through the
 * outbox, as a consumer such as cart-service reads them: keyed by product, with the
 * CloudEvents headers, and with values that deserialize into the contract records.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@EmbeddedInfrastructure
@Import(TestCatalog.class)
class ProductEventsKafkaIT {

	@Autowired
	RestTestClient http;

	@Autowired
	TestCatalog catalog;

	@Autowired
	ConsumerFactory<?, ?> consumers;

	@Autowired
	JsonMapper json;

	@Test
	void createdAndArchivedProductsArriveOnTheProductTopicAsTheContractsDescribeThem() {
		CategoryView category = this.catalog.category("Lamps");
		try (KafkaRecords productEvents = new KafkaRecords(this.consumers, Topics.PRODUCT_EVENTS)) {
			ProductDetails product = this.catalog.product(category.id(), "Desk Lamp", "Bright", 3900, 4500);
			this.http.post()
				.uri("/products/{id}/archive", product.id())
				.headers((headers) -> headers.setBearerAuth(TestTokens.staff("s1")))
				.exchange()
				.expectStatus()
				.isOk();

			List<ConsumerRecord<String, byte[]>> records = productEvents.awaitKey(product.id().toString(),
					(found) -> found.size() >= 2);
			assertThat(records).extracting((record) -> KafkaRecords.header(record, CloudEventHeaders.TYPE))
				.containsExactly(ProductCreated.TYPE, ProductArchived.TYPE);

			ConsumerRecord<String, byte[]> created = records.get(0);
			assertThat(KafkaRecords.header(created, CloudEventHeaders.SUBJECT)).isEqualTo(product.id().toString());
			assertThat(KafkaRecords.header(created, CloudEventHeaders.SOURCE)).isEqualTo("/cartwright/catalog-service");
			assertThat(UUID.fromString(KafkaRecords.header(created, CloudEventHeaders.ID))).isNotNull();
			assertThat(created.headers().lastHeader("__TypeId__")).isNull();
			ProductCreated event = this.json.readValue(created.value(), ProductCreated.class);
			assertThat(event.productId()).isEqualTo(product.id());
			assertThat(event.name()).isEqualTo("Desk Lamp");
			assertThat(event.status()).isEqualTo("ACTIVE");
			assertThat(event.variants()).extracting((variant) -> variant.price().amount())
				.containsExactly(3900L, 4500L);
			assertThat(event.variants()).allSatisfy((variant) -> assertThat(variant.active()).isTrue());

			ProductArchived archived = this.json.readValue(records.get(1).value(), ProductArchived.class);
			assertThat(archived.skus())
				.containsExactlyElementsOf(product.variants().stream().map((v) -> v.sku()).toList());
			assertThat(archived.version()).isGreaterThan(event.version());
		}
	}

	@Test
	void aPriceChangeIsAnUpdateCarryingTheNewPrice() {
		CategoryView category = this.catalog.category("Chairs");
		try (KafkaRecords productEvents = new KafkaRecords(this.consumers, Topics.PRODUCT_EVENTS)) {
			ProductDetails product = this.catalog.product(category.id(), "Stool", "Three legs", 2500);
			this.catalog.reprice(product, 1999);

			List<ConsumerRecord<String, byte[]>> records = productEvents.awaitKey(product.id().toString(),
					(found) -> found.size() >= 2);
			assertThat(records)
				.as(() -> records.stream()
					.map((r) -> KafkaRecords.header(r, CloudEventHeaders.ID) + " " + new String(r.value()))
					.toList()
					.toString())
				.hasSize(2);
			assertThat(KafkaRecords.header(records.get(1), CloudEventHeaders.TYPE)).isEqualTo(ProductUpdated.TYPE);
			ProductUpdated updated = this.json.readValue(records.get(1).value(), ProductUpdated.class);
			assertThat(updated.variants()).singleElement()
				.satisfies((variant) -> assertThat(variant.price().amount()).isEqualTo(1999));
		}
	}

}
