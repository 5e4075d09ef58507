package io.cartwright.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the platform as {@code ./cartwright} does, from the jars the build just made, and
 * talks to it over HTTP.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalPlatformIT {

	@TempDir
	static Path dataDir;

	static PlatformSettings settings;

	static LocalPlatform platform;

	static final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startPlatform() {
		Path home = Path.of(System.getProperty("cartwright.home", "..")).toAbsolutePath().normalize();
		settings = PlatformSettings.onFreePorts(home, dataDir);
		platform = LocalPlatform.start(settings);
	}

	@AfterAll
	static void stopPlatform() {
		if (platform != null) {
			platform.close();
		}
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "config-server", "auth-server", "catalog-service", "cart-service", "order-service", "gateway" })
	@Order(1)
	void everyServiceReportsReadyOnItsOwnPort(String service) throws Exception {
		HttpResponse<String> readiness = get(platform.url(service) + "/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"status\":\"UP\"");
		assertThat(platform.readyAfter()).containsKey(service);
	}

	@ParameterizedTest
	@ValueSource(strings = { "catalog", "cart", "order" })
	@Order(2)
	void everyServiceAnswersItsHealthThroughTheGateway(String service) throws Exception {
		HttpResponse<String> health = get(platform.url("gateway") + "/health/" + service + "/readiness");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

	@Test
	@Order(3)
	void servicesTakeTheirConfigurationFromTheRunningConfigServer() throws Exception {
		HttpResponse<String> served = get(platform.url("config-server") + "/catalog-service/local");
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.body()).contains("catalog-service.yml").contains("application-local.yml");
		// The service's datasource exists only in config-repo: being ready with its
		// database up
		// means it imported its configuration from config-server.
		HttpResponse<String> prometheus = get(platform.url("catalog-service") + "/actuator/prometheus");
		assertThat(prometheus.body()).contains("hikaricp_connections{application=\"catalog-service\"");
	}

	@Test
	@Order(4)
	void theGatewayForwardsAStorefrontCallAndReturnsTheServiceProblemDetail() throws Exception {
		String unknown = java.util.UUID.randomUUID().toString();
		HttpResponse<String> response = get(platform.url("gateway") + "/api/catalog/products/" + unknown);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"instance\":\"/products/" + unknown + "\"");
	}

	@Test
	@Order(5)
	void theTokenCommandSignsTheDemoCustomerInAndTheGatewayAcceptsItsToken() throws Exception {
		java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
		int exit = TokenCommand.run(settings.home(),
				new String[] { "--data-dir=" + dataDir, "--issuer=" + platform.issuer() },
				new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
		String token = printed.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
		assertThat(exit).isZero();
		assertThat(token.split("\\.")).hasSize(3);
		HttpResponse<String> orders = http
			.send(HttpRequest.newBuilder(URI.create(platform.url("gateway") + "/api/orders"))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(orders.statusCode()).isEqualTo(200);
		assertThat(get(platform.url("gateway") + "/api/orders").statusCode()).isEqualTo(401);
	}

	@Test
	@Order(6)
	void stopsEveryProcessAndFreesEveryPort() {
		Map<String, Long> pids = platform.pids();
		assertThat(pids).hasSize(6);
		platform.close();
		platform = null;
		assertThat(pids.values()).allSatisfy((pid) -> assertThat(ProcessHandle.of(pid)).isEmpty());
		assertThat(settings.ports().values())
			.allSatisfy((port) -> assertThat(isFree(port)).as("port %d", port).isTrue());
	}

	private static HttpResponse<String> get(String uri) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException taken) {
			return false;
		}
	}

}
