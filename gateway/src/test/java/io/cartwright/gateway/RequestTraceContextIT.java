package io.cartwright.gateway;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import io.cartwright.infra.test.EmbeddedInfrastructure;
import io.cartwright.infra.test.TestTokens;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.cartwright.gateway.Upstreams.catalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The request id as trace context inside the gateway: on the gateway's own spans, and in
 * the log lines it writes about a request. Every span is sampled here, and order-service
 * is down (nothing listens at its address).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "RATE_LIMIT_ANONYMOUS_REPLENISH_RATE=10000", "RATE_LIMIT_ANONYMOUS_BURST_CAPACITY=10000",
				"RATE_LIMIT_AUTHENTICATED_REPLENISH_RATE=10000", "RATE_LIMIT_AUTHENTICATED_BURST_CAPACITY=10000",
				"management.tracing.sampling.probability=1.0" })
@AutoConfigureWebTestClient
@EmbeddedInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class RequestTraceContextIT {

	static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("requestId");

	@Autowired
	WebTestClient http;

	@Autowired
	EndedSpans spans;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) throws IOException {
		Upstreams.register(registry);
		String down = RecordingUpstream.closedUrl();
		registry.add("ORDER_SERVICE_URL", () -> down);
	}

	@BeforeEach
	void resetUpstreams() {
		Upstreams.reset();
	}

	@Test
	void tagsTheSpanOfTheCallToTheServiceWithTheRequestIdTheCallCarries() {
		http.get().uri("/api/catalog/products/1").header("X-Request-Id", "tagged-1").exchange().expectStatus().isOk();
		String traceparent = catalog.lastRequest().header("traceparent");
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.spans.taggedWith("tagged-1")).as(this.spans::describe)
				.filteredOn((span) -> span.getKind() == SpanKind.CLIENT)
				.singleElement()
				.satisfies((span) -> assertThat(traceparent).contains(span.getTraceId() + "-" + span.getSpanId())));
	}

	@Test
	void namesTheRequestAndTheTraceInTheLogLineOfAStreamWhoseServiceIsDown(CapturedOutput log) {
		http.get()
			.uri("/api/orders/1/events")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer("streaming-customer"))
			.header("X-Request-Id", "down-stream-1")
			.header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
			.exchange()
			.expectStatus()
			.isEqualTo(503);
		assertThat(log.getOut()).containsPattern(
				"order cannot be reached.*\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\".*\"requestId\":\"down-stream-1\"");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class SpanRecording {

		@Bean
		EndedSpans endedSpans() {
			return new EndedSpans();
		}

	}

	/** Every span the gateway ends, as the SDK hands it to an exporter. */
	static class EndedSpans implements SpanProcessor {

		private final List<SpanData> ended = new CopyOnWriteArrayList<>();

		List<SpanData> taggedWith(String requestId) {
			return this.ended.stream()
				.filter((span) -> requestId.equals(span.getAttributes().get(REQUEST_ID)))
				.toList();
		}

		String describe() {
			return this.ended.stream()
				.map((span) -> span.getKind() + " " + span.getName() + " " + span.getAttributes())
				.collect(Collectors.joining("\n", "ended spans:\n", ""));
		}

		@Override
		public void onStart(Context parentContext, ReadWriteSpan span) {
		}

		@Override
		public boolean isStartRequired() {
			return false;
		}

		@Override
		public void onEnd(ReadableSpan span) {
			this.ended.add(span.toSpanData());
		}

		@Override
		public boolean isEndRequired() {
			return true;
		}

	}

}
