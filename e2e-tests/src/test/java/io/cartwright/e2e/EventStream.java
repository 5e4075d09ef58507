package io.cartwright.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of a {@code text/event-stream} endpoint as a storefront's would be: the JDK's
 * HTTP client reading the response line by line as it arrives, parsed per the SSE rules
 * (fields {@code id}, {@code event}, {@code data}, {@code retry}; comments).
 */
final class EventStream implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient client;

	private final HttpResponse<InputStream> response;

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final List<String> comments = new CopyOnWriteArrayList<>();

	private final CountDownLatch ended = new CountDownLatch(1);

	private volatile @Nullable Long retry;

	private final @Nullable String body;

	private EventStream(HttpClient client, HttpResponse<InputStream> response) throws IOException {
		this.client = client;
		this.response = response;
		if (response.statusCode() == 200) {
			this.body = null;
			Thread.ofVirtual().name("event-stream-reader").start(this::read);
		}
		else {
			try (InputStream in = response.body()) {
				this.body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			this.ended.countDown();
		}
	}

	/**
	 * Opens a stream.
	 * @param url the endpoint
	 * @param token the bearer token, or {@code null} for none
	 * @param lastEventId the {@code Last-Event-ID} header, or {@code null} for none
	 * @return the open stream (or the refusal: see {@link #status()})
	 */
	static EventStream open(String url, @Nullable String token, @Nullable String lastEventId) {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(2))
			.build();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		try {
			return new EventStream(client, client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
		}
		catch (IOException ex) {
			client.shutdownNow();
			throw new IllegalStateException("Cannot open " + url, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			client.shutdownNow();
			throw new IllegalStateException(ex);
		}
	}

	private void read() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.response.body(), StandardCharsets.UTF_8))) {
			String id = null;
			String name = null;
			StringBuilder data = null;
			String line;
			while ((line = lines.readLine()) != null) {
				if (line.isEmpty()) {
					if (data != null) {
						this.events.add(new Event(id, (name != null) ? name : "message", data.toString()));
					}
					name = null;
					data = null;
					continue;
				}
				if (line.startsWith(":")) {
					this.comments.add(line.substring(1).strip());
					continue;
				}
				int colon = line.indexOf(':');
				String field = (colon < 0) ? line : line.substring(0, colon);
				String value = (colon < 0) ? "" : line.substring(colon + 1);
				if (value.startsWith(" ")) {
					value = value.substring(1);
				}
				switch (field) {
					case "id" -> id = value;
					case "event" -> name = value;
					case "data" -> data = (data == null) ? new StringBuilder(value) : data.append('\n').append(value);
					case "retry" -> this.retry = Long.parseLong(value);
					default -> {
					}
				}
			}
		}
		catch (IOException ex) {
			// closed by the test, or the connection broke: the stream ended either way
		}
		finally {
			this.ended.countDown();
		}
	}

	int status() {
		return this.response.statusCode();
	}

	@Nullable String header(String name) {
		return this.response.headers().firstValue(name).orElse(null);
	}

	/** The body of a refusal. */
	@Nullable String body() {
		return this.body;
	}

	JsonNode problem() {
		return json.readTree(this.body);
	}

	@Nullable Long retry() {
		return this.retry;
	}

	List<String> comments() {
		return this.comments;
	}

	/**
	 * The next event, waiting for it up to the given time.
	 * @param timeout how long to wait
	 * @return the event
	 * @throws AssertionError when none came in time
	 */
	Event next(Duration timeout) {
		try {
			Event event = this.events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (event == null) {
				throw new AssertionError("No event within " + timeout);
			}
			return event;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	Event next() {
		return next(Duration.ofSeconds(20));
	}

	/**
	 * The next events.
	 * @param count how many
	 * @return them, in the order they came
	 */
	List<Event> next(int count) {
		List<Event> next = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			next.add(next());
		}
		return next;
	}

	/**
	 * Events that came within the given time, without waiting for more.
	 * @param quiet how long to wait for stragglers
	 * @return what came
	 */
	List<Event> drain(Duration quiet) {
		List<Event> drained = new ArrayList<>();
		try {
			Event event;
			while ((event = this.events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
				drained.add(event);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return drained;
	}

	/**
	 * Whether the server ended the stream within the given time.
	 * @param timeout how long to wait
	 * @return {@code true} when it did
	 */
	boolean awaitEnd(Duration timeout) {
		try {
			return this.ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public void close() {
		try {
			this.response.body().close();
		}
		catch (IOException ex) {
			// already gone
		}
		this.client.shutdownNow();
	}

	/**
	 * One event.
	 *
	 * @param id its id (the last one seen, as SSE clients keep it)
	 * @param name its type
	 * @param data its data
	 */
	record Event(@Nullable String id, String name, String data) {

		JsonNode json() {
			return EventStream.json.readTree(this.data);
		}

		long numericId() {
			return Long.parseLong(this.id);
		}

	}

}
