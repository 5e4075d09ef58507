package io.cartwright.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.cartwright.infra.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static io.cartwright.gateway.Upstreams.order;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live order status streams through the gateway: passed on as they come, not cut by the
 * route's response timeout, authenticated like every route; and the demo page.
 */
class LiveOrderStatusRouteIT extends GatewayIntegrationTest {

	static final String CUSTOMER = "Bearer " + TestTokens.customer("customer-live");

	@Value("${local.server.port}")
	int port;

	@Test
	void passesAnEventStreamOnAsItComesAndOutlastsTheRouteResponseTimeout() throws Exception {
		CountDownLatch firstEventSeen = new CountDownLatch(1);
		order.streaming("/orders/42/events", (body) -> {
			write(body, "retry: 3000\n\nid: 1\nevent: PENDING\ndata: {\"status\":\"PENDING\"}\n\n");
			// The rest comes only once the client has the first event: were the gateway
			// holding the answer back, it never would.
			if (!firstEventSeen.await(10, TimeUnit.SECONDS)) {
				return;
			}
			// Longer than the route's response-timeout (5 s), with heart-beats.
			for (int i = 0; i < 6; i++) {
				Thread.sleep(1000);
				write(body, ":keep-alive\n\n");
			}
			write(body, "id: 2\nevent: RESERVED\ndata: {\"status\":\"RESERVED\"}\n\n");
		});
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		try {
			HttpResponse<java.io.InputStream> response = client
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/orders/42/events"))
					.header(HttpHeaders.AUTHORIZATION, CUSTOMER)
					.header(HttpHeaders.ACCEPT, MediaType.TEXT_EVENT_STREAM_VALUE)
					.build(), HttpResponse.BodyHandlers.ofInputStream());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE))
				.hasValueSatisfying((type) -> assertThat(type).startsWith(MediaType.TEXT_EVENT_STREAM_VALUE));
			assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
				assertThat(readUntil(lines, "data: {\"status\":\"PENDING\"}")).contains("id: 1", "event: PENDING");
				firstEventSeen.countDown();
				long waited = System.nanoTime();
				assertThat(readUntil(lines, "data: {\"status\":\"RESERVED\"}")).contains(":keep-alive", "id: 2");
				assertThat(Duration.ofNanos(System.nanoTime() - waited)).isGreaterThan(Duration.ofSeconds(5));
				assertThat(lines.readLine()).isEmpty();
				assertThat(lines.readLine()).isNull();
			}
		}
		finally {
			client.shutdownNow();
		}
		RecordingUpstream.Request request = order.lastRequest();
		assertThat(request.path()).isEqualTo("/orders/42/events");
		assertThat(request.header("Authorization")).isEqualTo(CUSTOMER);
		assertThat(request.header("Accept")).isEqualTo(MediaType.TEXT_EVENT_STREAM_VALUE);
	}

	@Test
	void routesTheCustomersStreamToOrderServiceAndNeedsAToken() throws Exception {
		order.streaming("/customers/me/orders/events",
				(body) -> write(body, "id: 0\nevent: snapshot\ndata: {\"position\":0,\"orders\":[]}\n\n"));
		http.get()
			.uri("/api/customers/me/orders/events")
			.header(HttpHeaders.AUTHORIZATION, CUSTOMER)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("event: snapshot"));
		assertThat(order.lastRequest().path()).isEqualTo("/customers/me/orders/events");

		http.get()
			.uri("/api/customers/me/orders/events")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		http.get()
			.uri("/api/orders/42/events")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void letsAStorefrontOnAnotherOriginResumeAStreamWithLastEventId() {
		http.options()
			.uri("/api/orders/42/events")
			.header(HttpHeaders.ORIGIN, "http://localhost:3000")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, last-event-id")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
					(headers) -> assertThat(headers.toLowerCase()).contains("authorization", "last-event-id"));
	}

	@Test
	void servesTheDemoPageWithAPolicyThatLetsItsOwnScriptCallTheApi() {
		http.get()
			.uri("/demo/live-order.html")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader()
			.value("Content-Security-Policy",
					(policy) -> assertThat(policy).contains("script-src 'self'")
						.contains("connect-src 'self'")
						.doesNotContain("unsafe-inline"))
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("live-order.js"));
		http.get()
			.uri("/demo/live-order.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((script) -> assertThat(script).contains("Last-Event-ID").contains("text/event-stream"));
	}

	private static void write(OutputStream body, String text) throws IOException {
		body.write(text.getBytes(StandardCharsets.UTF_8));
		body.flush();
	}

	private static String readUntil(BufferedReader lines, String last) throws IOException {
		StringBuilder seen = new StringBuilder();
		String line;
		while ((line = lines.readLine()) != null) {
			seen.append(line).append('\n');
			if (line.equals(last)) {
				return seen.toString();
			}
		}
		throw new AssertionError("The stream ended before '" + last + "'; got: " + seen);
	}

}
