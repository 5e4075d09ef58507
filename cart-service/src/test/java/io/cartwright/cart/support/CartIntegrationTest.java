package io.cartwright.cart.support;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.cartwright.events.CloudEventHeaders;
import io.cartwright.events.Money;
import io.cartwright.events.ProductCreated;
import io.cartwright.events.StockLevelChanged;
import io.cartwright.events.Topics;
import io.cartwright.events.VariantSnapshot;
import io.cartwright.infra.test.EmbeddedInfrastructure;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole cart-service on a random port against the embedded MariaDB, Redis and Kafka,
 * with catalog-service played by {@link CatalogStub}. Subclasses share one application
 * context; every test uses its own carts, SKUs and customers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedInfrastructure
public abstract class CartIntegrationTest {

	@LocalServerPort
	private int port;

	/**
	 * Plain JDK HTTP client: the default Apache client would silently retry a 503 that
	 * carries {@code Retry-After}.
	 */
	protected RestTestClient http;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected KafkaTemplate<String, byte[]> kafka;

	@Autowired
	protected JsonMapper json;

	@Autowired
	protected CircuitBreakerRegistry circuits;

	protected final CatalogStub catalog = CatalogStub.get();

	@DynamicPropertySource
	static void catalog(DynamicPropertyRegistry registry) {
		registry.add("CATALOG_SERVICE_URL", () -> CatalogStub.get().url());
		registry.add("cartwright.cart.catalog.read-timeout", () -> "500ms");
	}

	@BeforeEach
	void client() {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		this.http = RestTestClient.bindToServer(new JdkClientHttpRequestFactory(client))
			.baseUrl("http://127.0.0.1:" + this.port)
			.build();
	}

	@AfterEach
	void closeTheCircuitAgain() {
		this.circuits.circuitBreaker("catalog").reset();
	}

	/** A fresh SKU name, unique in this JVM. */
	protected static String sku(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	/** A fresh customer id. */
	protected static String customer() {
		return "customer-" + UUID.randomUUID();
	}

	protected UUID createGuestCart() {
		String id = this.http.post()
			.uri("/carts")
			.exchange()
			.expectStatus()
			.isCreated()
			.returnResult(Map.class)
			.getResponseBody()
			.get("id")
			.toString();
		return UUID.fromString(id);
	}

	protected RestTestClient.ResponseSpec add(String cart, String sku, int quantity, @Nullable String token) {
		RestTestClient.RequestBodySpec request = this.http.post()
			.uri("/carts/" + cart + "/lines")
			.contentType(MediaType.APPLICATION_JSON);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return request.body(Map.of("sku", sku, "quantity", quantity)).exchange();
	}

	protected RestTestClient.ResponseSpec put(String path, int quantity, @Nullable String token) {
		RestTestClient.RequestBodySpec request = this.http.put().uri(path).contentType(MediaType.APPLICATION_JSON);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return request.body(Map.of("quantity", quantity)).exchange();
	}

	protected RestTestClient.ResponseSpec get(String path, @Nullable String token) {
		RestTestClient.RequestHeadersSpec<?> request = this.http.get().uri(path);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return request.exchange();
	}

	/**
	 * Makes an SKU known to the read model the way catalog-service does: by a
	 * {@code ProductCreated} event (one variant, product version 1, priced in EUR), and
	 * waits until it is applied. No stock level comes with it.
	 * @param sku the SKU
	 * @param price its price in cents
	 * @param active whether it can be sold
	 * @return the product's id
	 */
	protected UUID productCreated(String sku, long price, boolean active) throws Exception {
		UUID product = UUID.randomUUID();
		publish(Topics.PRODUCT_EVENTS, product.toString(), UUID.randomUUID().toString(), ProductCreated.TYPE,
				new ProductCreated(product, sku.toLowerCase(), "Product " + sku, "https://img.test/" + sku + ".jpg",
						active ? "ACTIVE" : "ARCHIVED",
						List.of(new VariantSnapshot(sku, Map.of("size", "M"), new Money(price, "EUR"), active)), 1,
						Instant.now()));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(
					this.jdbc.queryForList("SELECT product_id FROM sku_snapshot WHERE sku = ?", String.class, sku))
				.containsExactly(product.toString()));
		return product;
	}

	/**
	 * Gives the read model an SKU's stock level the way catalog-service does: by a
	 * {@code StockLevelChanged} event that happened now, and waits until it is applied.
	 * @param sku the SKU
	 * @param available the sellable quantity
	 */
	protected void stockLevelChanged(String sku, long available) throws Exception {
		publish(Topics.STOCK_EVENTS, sku, UUID.randomUUID().toString(), StockLevelChanged.TYPE,
				new StockLevelChanged(sku, available, Instant.now()));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(
					this.jdbc.queryForList("SELECT available FROM sku_stock WHERE sku = ?", Long.class, sku))
				.containsExactly(available));
	}

	/** Publishes an event as the producing service would: CloudEvents binary mode. */
	protected void publish(String topic, String key, String eventId, String type, Record event) throws Exception {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, this.json.writeValueAsBytes(event));
		record.headers()
			.add(CloudEventHeaders.ID, bytes(eventId))
			.add(CloudEventHeaders.TYPE, bytes(type))
			.add(CloudEventHeaders.SOURCE, bytes("/cartwright/test"))
			.add(CloudEventHeaders.TIME, bytes(Instant.now().toString()))
			.add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_1_0))
			.add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
		this.kafka.send(record).get(10, TimeUnit.SECONDS);
	}

	protected void publishRaw(String topic, String eventId, @Nullable String type, byte[] value) throws Exception {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, eventId, value);
		record.headers().add(CloudEventHeaders.ID, bytes(eventId));
		if (type != null) {
			record.headers().add(CloudEventHeaders.TYPE, bytes(type));
		}
		this.kafka.send(record).get(10, TimeUnit.SECONDS);
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
