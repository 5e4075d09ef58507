package io.cartwright.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a downstream service: answers every request with JSON naming itself and
 * the path it received, and remembers each request with its headers. It can be told to
 * answer with another status, to answer late (a slow service), or to serve a fixed
 * document at a path.
 */
final class RecordingUpstream implements AutoCloseable {

	private final String name;

	private final HttpServer server;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final Map<String, Document> documents = new ConcurrentHashMap<>();

	private final Map<String, Stream> streams = new ConcurrentHashMap<>();

	private final Map<String, String> extraHeaders = new ConcurrentHashMap<>();

	private volatile int status = 200;

	private volatile Duration delay = Duration.ZERO;

	private final AtomicInteger failuresLeft = new AtomicInteger();

	private volatile int failureStatus;

	private RecordingUpstream(String name) throws IOException {
		this.name = name;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		// Slow answers must not hold up the next request.
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	static RecordingUpstream start(String name) throws IOException {
		return new RecordingUpstream(name);
	}

	/**
	 * An address nothing listens on: a service that is down.
	 */
	static String closedUrl() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getRawPath();
		Map<String, List<String>> headers = exchange.getRequestHeaders()
			.entrySet()
			.stream()
			.collect(Collectors.toMap((entry) -> entry.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue,
					(a, b) -> a));
		byte[] requestBody;
		try (InputStream in = exchange.getRequestBody()) {
			requestBody = in.readAllBytes();
		}
		this.requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
				headers, new String(requestBody, StandardCharsets.UTF_8)));
		sleep(this.delay);
		this.extraHeaders.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
		Stream stream = this.streams.get(path);
		if (stream != null) {
			stream(exchange, stream);
			return;
		}
		Document document = this.documents.get(path);
		byte[] body;
		int answer;
		if (document != null) {
			exchange.getResponseHeaders().add("Content-Type", document.contentType());
			body = document.body().getBytes(StandardCharsets.UTF_8);
			answer = 200;
		}
		else {
			body = ("{\"service\":\"" + this.name + "\",\"path\":\"" + path + "\"}").getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			// As a service answering a create: the new resource's path, relative to
			// itself.
			exchange.getResponseHeaders().add("Location", path);
			answer = (this.failuresLeft.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) ? this.failureStatus
					: this.status;
		}
		try {
			exchange.sendResponseHeaders(answer, body.length);
			exchange.getResponseBody().write(body);
		}
		catch (IOException gatewayGaveUp) {
			// The gateway stopped waiting for a slow answer and closed the connection.
		}
		finally {
			exchange.close();
		}
	}

	/**
	 * Answers with a body written bit by bit, each flushed: a server-sent event stream.
	 */
	private void stream(HttpExchange exchange, Stream stream) throws IOException {
		exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
		try {
			exchange.sendResponseHeaders(200, 0);
			stream.write(exchange.getResponseBody());
		}
		catch (IOException | InterruptedException clientGone) {
			// The gateway closed the connection.
		}
		finally {
			exchange.close();
		}
	}

	private static void sleep(Duration delay) {
		if (!delay.isZero()) {
			try {
				Thread.sleep(delay);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Answers every further request with this status (the default is 200). */
	RecordingUpstream answering(int status) {
		this.status = status;
		return this;
	}

	/** Adds this header to every further answer. */
	RecordingUpstream withHeader(String name, String value) {
		this.extraHeaders.put(name, value);
		return this;
	}

	/** Answers the next requests with this status, then normally again. */
	RecordingUpstream failingNext(int count, int status) {
		this.failureStatus = status;
		this.failuresLeft.set(count);
		return this;
	}

	/** Answers every further request only after this long. */
	RecordingUpstream answeringAfter(Duration delay) {
		this.delay = delay;
		return this;
	}

	/** Serves a fixed document at a path. */
	RecordingUpstream serving(String path, String contentType, String body) {
		this.documents.put(path, new Document(contentType, body));
		return this;
	}

	/** Streams at a path: the writer gets the response body, and flushes as it likes. */
	RecordingUpstream streaming(String path, Stream stream) {
		this.streams.put(path, stream);
		return this;
	}

	/** Forgets the requests seen and answers normally again. */
	void reset() {
		this.requests.clear();
		this.status = 200;
		this.failuresLeft.set(0);
		this.extraHeaders.clear();
		this.delay = Duration.ZERO;
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	List<Request> requests() {
		return this.requests;
	}

	List<String> paths() {
		return this.requests.stream().map(Request::path).toList();
	}

	Request lastRequest() {
		return this.requests.get(this.requests.size() - 1);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {

		String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
			return (values != null) ? String.join(",", values) : null;
		}

	}

	private record Document(String contentType, String body) {

	}

	/** Writes a streamed answer. */
	@FunctionalInterface
	interface Stream {

		void write(java.io.OutputStream body) throws IOException, InterruptedException;

	}

}
