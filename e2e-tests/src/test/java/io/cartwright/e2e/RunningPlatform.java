package io.cartwright.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import io.cartwright.infra.test.TestTokens;
import io.cartwright.launcher.LocalPlatform;
import io.cartwright.launcher.PlatformSettings;

/**
 * The whole platform, started once per test JVM by the launcher from the built jars, on
 * free ports and a fresh data directory, and stopped when the JVM exits. The services
 * trust {@link TestTokens}: a small server here publishes the test key as the JWK set
 * they are pointed at, so tokens travel and are checked exactly as real ones would be.
 */
final class RunningPlatform {

	private static LocalPlatform platform;

	private RunningPlatform() {
	}

	/**
	 * The running platform, started on first use.
	 * @return the platform
	 */
	static synchronized LocalPlatform get() {
		if (platform == null) {
			platform = start();
		}
		return platform;
	}

	/**
	 * The storefront's one address.
	 * @return the gateway's base URL
	 */
	static String gateway() {
		return get().url("gateway");
	}

	private static void respond(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	private static LocalPlatform start() {
		try {
			HttpServer issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			issuer.createContext("/jwks", (exchange) -> respond(exchange, TestTokens.jwkSetJson()));
			issuer.createContext("/token", (exchange) -> {
				String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				if (!form.contains("grant_type=client_credentials")) {
					exchange.sendResponseHeaders(400, -1);
					exchange.close();
					return;
				}
				respond(exchange, "{\"access_token\":\"" + TestTokens.client("order-service", "cart.internal")
						+ "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"cart.internal\"}");
			});
			issuer.start();
			String issuerUrl = "http://127.0.0.1:" + issuer.getAddress().getPort();
			Path home = Path.of(System.getProperty("cartwright.home", "..")).toAbsolutePath().normalize();
			Path data = Files.createTempDirectory("cartwright-e2e-");
			PlatformSettings settings = PlatformSettings.onFreePorts(home, data)
				.withEnvironment(Map.of("AUTH_ISSUER_URI", TestTokens.ISSUER, "AUTH_JWK_SET_URI", issuerUrl + "/jwks",
						"AUTH_TOKEN_URI", issuerUrl + "/token", "ORDER_CLIENT_SECRET", "e2e-only"));
			LocalPlatform started = LocalPlatform.start(settings);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				started.close();
				issuer.stop(0);
			}, "e2e-platform-stop"));
			return started;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
