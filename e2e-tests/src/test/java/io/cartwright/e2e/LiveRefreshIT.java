package io.cartwright.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Live configuration refresh, as an operator does it: edit a file of the config-repo that
 * config-server serves, then one {@code POST /actuator/busrefresh} to config-server; the
 * refresh travels over Spring Cloud Bus (Kafka) to every running instance, which fetches
 * its configuration again. No service restarts.
 */
class LiveRefreshIT {

	private static final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aConfigRepoChangeFollowedByABusRefreshChangesARateLimitAndACacheTtlInRunningServices() throws Exception {
		Path gatewayYml = RunningPlatform.configRepo().resolve("gateway.yml");
		Path catalogYml = RunningPlatform.configRepo().resolve("catalog-service.yml");
		String gateway = Files.readString(gatewayYml);
		String catalog = Files.readString(catalogYml);
		Storefront customer = Accounts.newCustomer();
		String categoryId = StaffCatalog.category("Live refresh");
		Map<String, Long> pids = RunningPlatform.get().pids();
		assertThat(limited(customer)).as("the configured limit (40 a burst) is far away").isFalse();
		try {
			// The e2e environment sets RATE_LIMIT_AUTHENTICATED_*: a literal value
			// replaces
			// the placeholder that reads it.
			Files.writeString(gatewayYml,
					replace(replace(gateway, "${RATE_LIMIT_AUTHENTICATED_REPLENISH_RATE:50}", "1"),
							"${RATE_LIMIT_AUTHENTICATED_BURST_CAPACITY:100}", "3"));
			Files.writeString(catalogYml, replace(catalog, "products-ttl: 10m", "products-ttl: 45s"));
			busRefresh();

			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofSeconds(2))
				.as("a burst of 8 meets the new limit of 3")
				.until(() -> limited(customer));
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
				StaffCatalog.Product product = StaffCatalog.publish(categoryId, "Refreshed Lamp", 1500, 1);
				assertThat(Storefront.anonymous().get("/api/catalog/products/" + product.id()).status()).isEqualTo(200);
				long ttl = ttl("catalog::product-by-id::" + product.id());
				assertThat(ttl).as("seconds to live of a product cached after the refresh").isBetween(1L, 45L);
			});
			assertThat(RunningPlatform.get().pids()).as("no service was restarted").isEqualTo(pids);
		}
		finally {
			Files.writeString(gatewayYml, gateway);
			Files.writeString(catalogYml, catalog);
			busRefresh();
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofSeconds(2))
				.as("the configured limit is back")
				.until(() -> !limited(Accounts.newCustomer()));
		}
	}

	/** Whether one of 8 quick requests of this customer is turned away with 429. */
	private static boolean limited(Storefront customer) {
		boolean limited = false;
		for (int i = 0; i < 8; i++) {
			limited |= customer.get("/api/orders").status() == 429;
		}
		return limited;
	}

	private static void busRefresh() throws IOException, InterruptedException {
		HttpResponse<String> answer = http.send(
				HttpRequest.newBuilder(URI.create(RunningPlatform.get().url("config-server") + "/actuator/busrefresh"))
					.POST(HttpRequest.BodyPublishers.noBody())
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 299);
	}

	private static String replace(String text, String what, String with) {
		assertThat(text).contains(what);
		return text.replace(what, with);
	}

	/** Redis's {@code TTL} of a key, asked in Redis's own protocol. */
	private static long ttl(String key) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", RunningPlatform.port("redis"))) {
			socket.setSoTimeout(2000);
			byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
			OutputStream out = socket.getOutputStream();
			out.write(("*2\r\n$3\r\nTTL\r\n$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(bytes);
			out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder reply = new StringBuilder();
			for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
				reply.append((char) c);
			}
			assertThat(reply.toString()).startsWith(":");
			return Long.parseLong(reply.substring(1));
		}
	}

}
