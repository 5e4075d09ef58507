package io.cartwright.order;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cartwright.infra.test.TestTokens;

/**
 * cart-service and the auth-server's token endpoint as far as checkout needs them, on
 * 127.0.0.1: {@code POST /oauth2/token} hands out a client-credentials token, and
 * {@code GET /internal/carts/{id}} answers the carts a test put here — but only to a
 * request carrying that token. One per test JVM, shared by every test class.
 */
public final class CartStub {

	/** The stub every test uses. */
	public static final CartStub INSTANCE = new CartStub();

	private static final String TOKEN = TestTokens.client("order-service", "cart.internal");

	private final HttpServer server;

	private final Map<UUID, Answer> carts = new ConcurrentHashMap<>();

	private final AtomicInteger tokenRequests = new AtomicInteger();

	private CartStub() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.createContext("/oauth2/token", this::token);
		this.server.createContext("/internal/carts/", this::cart);
		this.server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public String tokenUri() {
		return url() + "/oauth2/token";
	}

	public int tokenRequests() {
		return this.tokenRequests.get();
	}

	/**
	 * Puts a cart here.
	 * @param customerId its owner, or {@code null} for a guest cart
	 * @param status its status
	 * @param lines SKU and quantity, in pairs
	 * @return its id
	 */
	public UUID cart(String customerId, String status, Object... lines) {
		UUID id = UUID.randomUUID();
		StringBuilder json = new StringBuilder();
		for (int i = 0; i < lines.length; i += 2) {
			json.append((i > 0) ? "," : "")
				.append("{\"sku\":\"%s\",\"quantity\":%d}".formatted(lines[i], (Integer) lines[i + 1]));
		}
		String owner = (customerId != null) ? "\"" + customerId + "\"" : "null";
		String body = "{\"id\":\"%s\",\"customerId\":%s,\"status\":\"%s\",\"version\":3,\"lines\":[%s]}".formatted(id,
				owner, status, json);
		this.carts.put(id, new Answer(200, body, null));
		return id;
	}

	/** Lets cart-service fail (500) for a cart, until {@link #recover} or a new cart. */
	public void fail(UUID cartId) {
		Answer answer = this.carts.get(cartId);
		this.carts.put(cartId, new Answer(500, "{}", null).withRecovery(answer));
	}

	public void recover(UUID cartId) {
		this.carts.computeIfPresent(cartId, (id, answer) -> answer.recovery());
	}

	/**
	 * Holds every answer about a cart until the latch opens.
	 * @return the latch to open
	 */
	public CountDownLatch hold(UUID cartId) {
		CountDownLatch latch = new CountDownLatch(1);
		this.carts.computeIfPresent(cartId, (id, answer) -> new Answer(answer.status(), answer.body(), latch));
		return latch;
	}

	private void token(HttpExchange exchange) throws IOException {
		this.tokenRequests.incrementAndGet();
		String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		if (!form.contains("grant_type=client_credentials")) {
			respond(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
			return;
		}
		respond(exchange, 200,
				"{\"access_token\":\"%s\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"cart.internal\"}"
					.formatted(TOKEN));
	}

	private void cart(HttpExchange exchange) throws IOException {
		if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			respond(exchange, 401, "{}");
			return;
		}
		String path = exchange.getRequestURI().getPath();
		Answer answer = this.carts.get(UUID.fromString(path.substring(path.lastIndexOf('/') + 1)));
		if (answer == null) {
			respond(exchange, 404, "{\"status\":404}");
			return;
		}
		if (answer.latch() != null) {
			try {
				answer.latch().await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		respond(exchange, answer.status(), answer.body());
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private record Answer(int status, String body, CountDownLatch latch, Answer recovery) {

		Answer(int status, String body, CountDownLatch latch) {
			this(status, body, latch, null);
		}

		Answer withRecovery(Answer recovery) {
			return new Answer(this.status, this.body, this.latch, recovery);
		}

	}

}
