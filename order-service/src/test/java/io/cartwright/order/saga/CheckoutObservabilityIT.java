package io.cartwright.order.saga;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cartwright.events.CloudEventHeaders;
import io.cartwright.events.OrderConfirmed;
import io.cartwright.events.OrderPlaced;
import io.cartwright.events.Topics;
import io.cartwright.infra.test.TestTokens;
import io.cartwright.order.CartStub;
import io.cartwright.order.Catalog;
import io.cartwright.order.KafkaRecords;
import io.cartwright.order.OrderIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees of a checkout in order-service: one trace from the request
 * through the outbox and Kafka to the confirmation, the gateway's request id in the log
 * lines, and business metrics on {@code /actuator/prometheus} that move with each
 * outcome.
 */
@ExtendWith(OutputCaptureExtension.class)
class CheckoutObservabilityIT extends OrderIntegrationTest {

	private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-01");

	@Autowired
	RestTestClient http;

	@Autowired
	JsonMapper json;

	@Autowired
	KafkaTemplate<Object, Object> kafka;

	@Autowired
	ConsumerFactory<?, ?> consumers;

	Catalog catalog() {
		return new Catalog(this.kafka, this.consumers, this.json);
	}

	@Test
	void theOutboxSendsEachEventInTheTraceOfWhatPublishedItWithTheRequestIdAsBaggage(CapturedOutput output) {
		String traceId = UUID.randomUUID().toString().replace("-", "");
		String requestId = "req-" + UUID.randomUUID();
		String customer = "c-" + UUID.randomUUID();
		UUID orderId = place(customer, CartStub.INSTANCE.cart(customer, "ACTIVE", "SKU-A", 2), "tok_visa",
				Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01", "baggage", "requestId=" + requestId));

		ConsumerRecord<String, byte[]> placed = awaitEvent(orderId, OrderPlaced.TYPE);
		assertThat(traceIdOf(placed)).as("OrderPlaced, sent by the outbox after the request's commit")
			.isEqualTo(traceId);
		assertThat(KafkaRecords.header(placed, "baggage")).contains("requestId=" + requestId);

		// The catalog answers in the same trace, as catalog-service does.
		catalog().reserveInTrace(this.json.readValue(placed.value(), OrderPlaced.class), 1500,
				Map.of("traceparent", "00-" + traceId + "-b7ad6b7169203331-01", "baggage", "requestId=" + requestId));

		ConsumerRecord<String, byte[]> confirmed = awaitEvent(orderId, OrderConfirmed.TYPE);
		assertThat(traceIdOf(confirmed)).as("OrderConfirmed, published while handling StockReserved")
			.isEqualTo(traceId);
		assertThat(KafkaRecords.header(confirmed, "baggage")).contains("requestId=" + requestId);
		await().untilAsserted(() -> assertThat(
				output.getOut().lines().filter((line) -> line.contains("Order " + orderId + " confirmed")).findFirst())
			.hasValueSatisfying((line) -> assertThat(line).contains("\"traceId\":\"" + traceId + "\"")
				.contains("\"requestId\":\"" + requestId + "\"")
				.contains("\"service\":{\"name\":\"order-service\"")));
	}

	@Test
	void prometheusShowsTheOrdersPlacedConfirmedAndRejectedTheRevenueAndTheSagaDuration() {
		Scrape before = scrape();
		String customer = "c-" + UUID.randomUUID();
		UUID confirmed = place(customer, CartStub.INSTANCE.cart(customer, "ACTIVE", "SKU-A", 2), "tok_visa", Map.of());
		catalog().reserve(catalog().awaitPlaced(confirmed), 1250);
		UUID rejected = place(customer, CartStub.INSTANCE.cart(customer, "ACTIVE", "SKU-B", 1), "tok_visa", Map.of());
		catalog().reject(catalog().awaitPlaced(rejected));
		UUID failed = place(customer, CartStub.INSTANCE.cart(customer, "ACTIVE", "SKU-C", 1), "tok_declined", Map.of());
		catalog().reserve(catalog().awaitPlaced(failed), 300);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Scrape after = scrape();
			assertThat(after.value("cartwright_orders_placed_total"))
				.isGreaterThanOrEqualTo(before.value("cartwright_orders_placed_total") + 3);
			assertThat(after.value("cartwright_orders_confirmed_total"))
				.isGreaterThanOrEqualTo(before.value("cartwright_orders_confirmed_total") + 1);
			assertThat(after.value("cartwright_orders_rejected_total"))
				.isGreaterThanOrEqualTo(before.value("cartwright_orders_rejected_total") + 1);
			assertThat(after.value("cartwright_orders_payment_failed_total"))
				.isGreaterThanOrEqualTo(before.value("cartwright_orders_payment_failed_total") + 1);
			assertThat(after.value("cartwright_orders_revenue_total{currency=\"EUR\"}"))
				.isGreaterThanOrEqualTo(before.value("cartwright_orders_revenue_total{currency=\"EUR\"}") + 2500);
			assertThat(after.value("cartwright_orders_saga_duration_seconds_count{outcome=\"confirmed\"}"))
				.isGreaterThanOrEqualTo(
						before.value("cartwright_orders_saga_duration_seconds_count{outcome=\"confirmed\"}") + 1);
		});
		Scrape after = scrape();
		assertThat(after.names()).contains("cartwright_orders_cancelled_total",
				"cartwright_orders_saga_duration_seconds_bucket", "cartwright_outbox_pending",
				"cartwright_outbox_oldest_age_seconds", "cartwright_kafka_dead_letters_total",
				"http_server_requests_seconds_bucket", "http_client_requests_seconds_bucket",
				"spring_kafka_template_seconds_bucket", "spring_kafka_listener_seconds_bucket",
				"kafka_consumer_fetch_manager_records_lag_max", "hikaricp_connections_active", "jvm_memory_used_bytes");
		assertThat(after.text()).contains("cartwright_kafka_dead_letters_total{application=\"order-service\","
				+ "topic=\"" + Topics.STOCK_EVENTS + "\"}");
	}

	private Scrape scrape() {
		return new Scrape(this.http.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
	}

	private UUID place(String customer, UUID cartId, String paymentMethod, Map<String, String> headers) {
		Map<String, Object> address = new HashMap<>();
		address.put("name", "Grace Hopper");
		address.put("line1", "1 Navy Way");
		address.put("postalCode", "10001");
		address.put("city", "New York");
		address.put("country", "US");
		byte[] body = this.http.post()
			.uri("/orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customer))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.headers((all) -> headers.forEach(all::set))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("cartId", cartId.toString(), "shippingAddress", address, "paymentMethod", paymentMethod))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.returnResult()
			.getResponseBodyContent();
		return UUID.fromString(this.json.readTree(body).get("id").asString());
	}

	private ConsumerRecord<String, byte[]> awaitEvent(UUID orderId, String type) {
		try (KafkaRecords orderEvents = new KafkaRecords(this.consumers, Topics.ORDER_EVENTS)) {
			return orderEvents
				.awaitKey(orderId.toString(),
						(records) -> records.stream()
							.anyMatch((record) -> type.equals(KafkaRecords.header(record, CloudEventHeaders.TYPE))))
				.stream()
				.filter((record) -> type.equals(KafkaRecords.header(record, CloudEventHeaders.TYPE)))
				.findFirst()
				.orElseThrow();
		}
	}

	private static String traceIdOf(ConsumerRecord<String, byte[]> record) {
		String traceparent = KafkaRecords.header(record, "traceparent");
		assertThat(traceparent).isNotNull();
		Matcher matcher = TRACEPARENT.matcher(traceparent);
		assertThat(matcher.matches()).as(traceparent).isTrue();
		return matcher.group(1);
	}

	/** One scrape of {@code /actuator/prometheus}. */
	record Scrape(String text) {

		/**
		 * The sum of the samples of a series: a name, optionally with some of its labels
		 * ({@code name{label="value"}}); 0 when there is none.
		 */
		double value(String series) {
			int brace = series.indexOf('{');
			String name = (brace < 0) ? series : series.substring(0, brace);
			String labels = (brace < 0) ? "" : series.substring(brace + 1, series.length() - 1);
			return this.text.lines()
				.filter((line) -> line.startsWith(name + "{") || line.startsWith(name + " "))
				.filter((line) -> labels.isEmpty() || line.contains(labels))
				.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
				.sum();
		}

		java.util.Set<String> names() {
			return this.text.lines()
				.filter((line) -> !line.startsWith("#") && !line.isBlank())
				.map((line) -> line.split("[{ ]", 2)[0])
				.collect(java.util.stream.Collectors.toSet());
		}

	}

}
