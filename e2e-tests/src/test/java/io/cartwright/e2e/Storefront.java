package io.cartwright.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a storefront does over HTTP, through the gateway only: JSON in and out, an
 * optional bearer token and extra headers.
 */
final class Storefront {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String baseUrl;

	private final @Nullable String token;

	private final Map<String, String> headers;

	private Storefront(String baseUrl, @Nullable String token, Map<String, String> headers) {
		this.baseUrl = baseUrl;
		this.token = token;
		this.headers = headers;
	}

	/** An anonymous shopper. */
	static Storefront anonymous() {
		return new Storefront(RunningPlatform.gateway(), null, Map.of());
	}

	/** A signed-in caller. */
	static Storefront as(String token) {
		return new Storefront(RunningPlatform.gateway(), token, Map.of());
	}

	/** The same caller with one more header on every request. */
	Storefront withHeader(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(this.headers);
		more.put(name, value);
		return new Storefront(this.baseUrl, this.token, more);
	}

	Response get(String path) {
		return send("GET", path, null);
	}

	Response post(String path, @Nullable Object body) {
		return send("POST", path, body);
	}

	Response put(String path, Object body) {
		return send("PUT", path, body);
	}

	Response delete(String path) {
		return send("DELETE", path, null);
	}

	Response options(String path) {
		return send("OPTIONS", path, null);
	}

	private Response send(String method, String path, @Nullable Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(15))
			.header("Accept", "application/json");
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		this.headers.forEach(request::header);
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An HTTP response.
	 *
	 * @param status the status code
	 * @param headers the headers
	 * @param body the body as text
	 */
	record Response(int status, Map<String, java.util.List<String>> headers, String body) {

		JsonNode json() {
			return Storefront.json.readTree(this.body);
		}

		@Nullable String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.flatMap((entry) -> entry.getValue().stream())
				.findFirst()
				.orElse(null);
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
