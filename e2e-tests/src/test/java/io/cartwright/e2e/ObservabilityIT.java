package io.cartwright.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.cartwright.e2e.CheckoutJourneyIT.Customer;
import io.cartwright.e2e.CheckoutJourneyIT.SimulatedCards;
import io.cartwright.e2e.TraceCollector.ReceivedSpan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator on call sees of the running platform: a checkout is one trace from the
 * gateway through order-service, Kafka, catalog-service and the payment back to the
 * confirmation, found by the request id the storefront got; every service logs that
 * request id and the trace id; every service's {@code /actuator/prometheus} exposes what
 * the dashboards and alert rules under {@code observability/} read.
 */
class ObservabilityIT {

	private static final List<String> SERVICES = List.of("gateway", "auth-server", "catalog-service", "cart-service",
			"order-service", "config-server");

	private static final Pattern TRACE_ID = Pattern.compile("\"traceId\":\"([0-9a-f]{32})\"");

	/** Series Prometheus makes itself rather than scraping them. */
	private static final Set<String> PROMETHEUS_OWN = Set.of("up");

	static String categoryId;

	@BeforeAll
	static void category() {
		categoryId = StaffCatalog.category("Observed");
	}

	@Test
	void aCheckoutIsOneTraceFromTheGatewayThroughKafkaAndTheCatalogBackToTheConfirmation() throws IOException {
		String sku = StaffCatalog.publish(categoryId, "Traced Item", 2100, 5).sku();
		Customer customer = customerWith(sku, 2);

		Storefront.Response placed = customer.checkout(SimulatedCards.APPROVE);
		assertThat(placed.status()).as(placed.toString()).isEqualTo(202);
		String requestId = placed.header("X-Request-Id");
		String order = placed.json().get("id").asString();
		customer.awaitStatus(order, "CONFIRMED");
		StaffCatalog.awaitStock(sku, 3, 0);

		// As an operator would: the request id the storefront quotes leads to the order's
		// log lines, and those to the trace.
		String traceId = await().atMost(Duration.ofSeconds(10))
			.until(() -> Files.readAllLines(RunningPlatform.logFile("order-service"))
				.stream()
				.filter((line) -> line.contains("\"requestId\":\"" + requestId + "\""))
				.map(TRACE_ID::matcher)
				.filter(Matcher::find)
				.map((matcher) -> matcher.group(1))
				.findFirst(), Optional::isPresent)
			.orElseThrow();
		TraceCollector collector = TraceCollector.get();

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			List<ReceivedSpan> trace = collector.trace(traceId);
			String spans = String.join("\n", trace.stream().map(ReceivedSpan::toString).toList());
			assertThat(trace).as(spans)
				.anySatisfy(span("gateway", "SERVER", (s) -> true))
				.anySatisfy(span("gateway", "CLIENT", (s) -> true))
				.anySatisfy(span("order-service", "SERVER", (s) -> s.mentions("/orders")))
				.anySatisfy(span("order-service", "CLIENT", (s) -> s.mentions("/internal/carts")))
				.anySatisfy(span("cart-service", "SERVER", (s) -> s.mentions("/internal/carts")))
				.anySatisfy(span("order-service", "PRODUCER", (s) -> s.mentions("order.order-events")))
				.anySatisfy(span("catalog-service", "CONSUMER", (s) -> s.mentions("order.order-events")))
				.anySatisfy(span("catalog-service", "PRODUCER", (s) -> s.mentions("catalog.stock-events")))
				.anySatisfy(span("order-service", "CONSUMER", (s) -> s.mentions("catalog.stock-events")))
				.anySatisfy(span("cart-service", "CONSUMER", (s) -> s.mentions("order.order-events")));
		});
		for (String service : List.of("order-service", "catalog-service")) {
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(Files.readAllLines(RunningPlatform.logFile(service)))
					.as(service + " logs the order with the request id and the trace id")
					.filteredOn((line) -> line.contains(order))
					.isNotEmpty()
					.anySatisfy((line) -> assertThat(line).contains("\"requestId\":\"" + requestId + "\"")
						.contains("\"traceId\":\"" + traceId + "\"")
						.contains("\"service\":{\"name\":\"" + service + "\"")));
		}
	}

	@Test
	void everyMetricTheDashboardsAndAlertsReadIsExposedAndTheOrderMetricsMove() {
		PrometheusScrape before = PrometheusScrape.of("order-service");
		String sku = StaffCatalog.publish(categoryId, "Counted Item", 1000, 1).sku();
		Customer confirmed = customerWith(sku, 1);
		Customer rejected = customerWith(sku, 1);
		String first = confirmed.checkout(SimulatedCards.APPROVE).json().get("id").asString();
		confirmed.awaitStatus(first, "CONFIRMED");
		String second = rejected.checkout(SimulatedCards.APPROVE).json().get("id").asString();
		rejected.awaitStatus(second, "REJECTED");

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			PrometheusScrape after = PrometheusScrape.of("order-service");
			assertThat(after.value("cartwright_orders_placed_total"))
				.isGreaterThanOrEqualTo(before.value("cartwright_orders_placed_total") + 2);
			assertThat(after.value("cartwright_orders_confirmed_total"))
				.isGreaterThanOrEqualTo(before.value("cartwright_orders_confirmed_total") + 1);
			assertThat(after.value("cartwright_orders_rejected_total"))
				.isGreaterThanOrEqualTo(before.value("cartwright_orders_rejected_total") + 1);
			assertThat(after.value("cartwright_orders_revenue_total", "currency=\"EUR\""))
				.isGreaterThanOrEqualTo(before.value("cartwright_orders_revenue_total", "currency=\"EUR\"") + 1000);
		});

		List<PrometheusScrape> scrapes = SERVICES.stream().map(PrometheusScrape::of).toList();
		assertThat(scrapes)
			.allSatisfy((scrape) -> assertThat(scrape.text()).contains("application=\"" + scrape.service() + "\""));
		Map<String, PrometheusScrape> byService = new java.util.HashMap<>();
		scrapes.forEach((scrape) -> byService.put(scrape.service(), scrape));
		assertThat(byService.get("catalog-service").names()).contains("cache_gets_total", "cartwright_outbox_pending",
				"cartwright_outbox_oldest_age_seconds", "cartwright_kafka_dead_letters_total");
		assertThat(byService.get("cart-service").names()).contains("cache_gets_total",
				"cartwright_kafka_dead_letters_total");
		assertThat(byService.get("order-service").names()).contains("cartwright_outbox_pending",
				"cartwright_outbox_oldest_age_seconds", "cartwright_orders_saga_duration_seconds_bucket",
				"kafka_consumer_fetch_manager_records_lag_max", "spring_kafka_template_seconds_bucket",
				"spring_kafka_listener_seconds_bucket", "http_client_requests_seconds_bucket");

		Set<String> exposed = new HashSet<>(PROMETHEUS_OWN);
		scrapes.forEach((scrape) -> exposed.addAll(scrape.names()));
		List<String> missing = new ArrayList<>();
		Stream
			.concat(ObservabilityFiles.dashboardExpressions().stream(), ObservabilityFiles.alertExpressions().stream())
			.forEach((expression) -> {
				Set<String> unknown = new TreeSet<>(expression.metricNames());
				unknown.removeAll(exposed);
				if (!unknown.isEmpty()) {
					missing.add(expression.where() + ": " + unknown);
				}
			});
		assertThat(missing).as("metrics read by observability/ but exposed by no service").isEmpty();
	}

	private static java.util.function.Consumer<ReceivedSpan> span(String service, String kind,
			Predicate<ReceivedSpan> more) {
		return (span) -> {
			assertThat(span.service()).isEqualTo(service);
			assertThat(span.kind()).isEqualTo(kind);
			assertThat(more.test(span)).as(span.toString()).isTrue();
		};
	}

	private static Customer customerWith(String sku, int quantity) {
		Storefront storefront = Accounts.newCustomer();
		String cartId = storefront.get("/api/carts/me").json().get("id").asString();
		Storefront.Response added = storefront.post("/api/carts/me/lines", Map.of("sku", sku, "quantity", quantity));
		assertThat(added.status()).as(added.toString()).isEqualTo(200);
		return new Customer(storefront, cartId);
	}

}
