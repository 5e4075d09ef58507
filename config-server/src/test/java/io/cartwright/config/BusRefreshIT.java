package io.cartwright.config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.cartwright.infra.test.SharedInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * config-server on the bus (the embedded Kafka broker): one {@code POST
 * /actuator/busrefresh}, or a git host's push webhook at {@code /monitor}, puts a refresh
 * event on the {@code springCloudBus} topic, which every service reads. That the services
 * act on it is shown by the e2e module's {@code LiveRefreshIT}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "spring.cloud.bus.enabled=true",
				"CONFIG_WEBHOOK_SECRET=" + BusRefreshIT.WEBHOOK_SECRET })
@AutoConfigureRestTestClient
class BusRefreshIT {

	static final String WEBHOOK_SECRET = "test-webhook-secret";

	@Autowired
	RestTestClient client;

	KafkaConsumer<byte[], byte[]> bus;

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		registry.add("KAFKA_BOOTSTRAP_SERVERS", () -> SharedInfrastructure.kafka().bootstrapServers());
	}

	@BeforeEach
	void listen() {
		this.bus = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "bus-refresh-it-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
		this.bus.subscribe(List.of("springCloudBus"));
	}

	@AfterEach
	void close() {
		this.bus.close();
	}

	@Test
	void busRefreshPutsOneRefreshForEveryServiceOnTheBus() {
		String before = "" + System.currentTimeMillis();
		this.client.post().uri("/actuator/busrefresh").exchange().expectStatus().is2xxSuccessful();

		String event = awaitEvent("RefreshRemoteApplicationEvent", before);
		assertThat(event).contains("\"originService\":\"config-server").contains("\"destinationService\":\"**\"");
	}

	@Test
	void aSignedPushWebhookNamingAServiceFileRefreshesThatService() throws Exception {
		String before = "" + System.currentTimeMillis();
		String push = "{\"commits\":[{\"modified\":[\"gateway.yml\"]}]}";
		this.client.post()
			.uri("/monitor")
			.header("X-Github-Event", "push")
			.header("X-Hub-Signature-256", "sha256=" + hmac(WEBHOOK_SECRET, push))
			.contentType(MediaType.APPLICATION_JSON)
			.body(push)
			.exchange()
			.expectStatus()
			.is2xxSuccessful();

		String event = awaitEvent("RefreshRemoteApplicationEvent", before);
		assertThat(event).contains("\"destinationService\":\"gateway:**\"");
	}

	@Test
	void anUnsignedWebhookIsRefused() {
		this.client.post()
			.uri("/monitor")
			.header("X-Github-Event", "push")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"commits\":[{\"modified\":[\"gateway.yml\"]}]}")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private static String hmac(String secret, String body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
	}

	/** The first bus message of this type sent after the given time (epoch millis). */
	private String awaitEvent(String type, String after) {
		List<String> seen = new ArrayList<>();
		return await().atMost(Duration.ofSeconds(30)).until(() -> {
			for (ConsumerRecord<byte[], byte[]> record : this.bus.poll(Duration.ofMillis(500))) {
				seen.add(new String(record.value(), StandardCharsets.UTF_8));
			}
			return seen.stream()
				.filter((json) -> json.contains("\"type\":\"" + type + "\"")
						&& timestamp(json) >= Long.parseLong(after))
				.findFirst()
				.orElse(null);
		}, (event) -> event != null);
	}

	private static long timestamp(String json) {
		int at = json.indexOf("\"timestamp\":");
		if (at < 0) {
			return 0;
		}
		String digits = json.substring(at + 12).replaceAll("^(\\d+).*$", "$1");
		return digits.matches("\\d+") ? Long.parseLong(digits) : 0;
	}

}
