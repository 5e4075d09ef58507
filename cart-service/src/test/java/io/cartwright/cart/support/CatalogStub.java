package io.cartwright.cart.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * catalog-service as the cart sees it: {@code GET /variants/{sku}}, on 127.0.0.1 and a
 * free port, one per test JVM. Each SKU answers as a test registers it: a variant, a 503,
 * or a dropped connection (a crashed catalog); any other SKU is a 404.
 */
public final class CatalogStub {

	private static final CatalogStub INSTANCE = new CatalogStub();

	private final HttpServer server;

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

	private CatalogStub() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/variants/", this::handle);
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.start();
	}

	public static CatalogStub get() {
		return INSTANCE;
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Registers a sellable variant priced in EUR with the given stock. */
	public void variant(String sku, long price, long available) {
		variant(sku, UUID.randomUUID(), "Product " + sku, price, true, available, 1);
	}

	public void variant(String sku, UUID productId, String name, long price, boolean active, long available,
			long version) {
		String body = """
				{"sku":"%s","productId":"%s","productName":"%s","slug":"%s","imageUrl":"https://img.test/%s.jpg",
				"options":{"size":"M"},"price":{"amount":%d,"currency":"EUR"},"active":%s,"available":%d,
				"productVersion":%d}""".formatted(sku, productId, name, sku.toLowerCase(), sku, price, active,
				available, version);
		this.answers.put(sku, new Answer(200, body));
	}

	/** The catalog answers 503 for this SKU. */
	public void failing(String sku) {
		this.answers.put(sku, new Answer(503, "{}"));
	}

	/** The catalog closes the connection without an answer for this SKU. */
	public void crashing(String sku) {
		this.answers.put(sku, new Answer(-1, ""));
	}

	/**
	 * The catalog takes two seconds to answer for this SKU, longer than the cart's read
	 * timeout in tests.
	 */
	public void slow(String sku) {
		this.answers.put(sku, new Answer(-2, ""));
	}

	public int calls(String sku) {
		return this.calls.getOrDefault(sku, new AtomicInteger()).get();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String sku = exchange.getRequestURI().getPath().substring("/variants/".length());
		this.calls.computeIfAbsent(sku, (key) -> new AtomicInteger()).incrementAndGet();
		Answer answer = this.answers.getOrDefault(sku, new Answer(404, "{\"status\":404}"));
		if (answer.status() == -1) {
			exchange.close();
			return;
		}
		if (answer.status() == -2) {
			awaitQuietly(Duration.ofSeconds(2));
			answer = new Answer(503, "{}");
		}
		byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(answer.status(), body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static void awaitQuietly(Duration duration) {
		try {
			new CountDownLatch(1).await(duration.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Answer(int status, String body) {
	}

}
