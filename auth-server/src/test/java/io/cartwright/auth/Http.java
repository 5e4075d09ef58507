package io.cartwright.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small user agent for the tests: keeps cookies like a browser, never follows redirects
 * (the tests look at each one), and may add headers to every request, such as the
 * {@code X-Forwarded-*} headers the gateway sends.
 */
public final class Http {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PUBLIC_PREFIX = "/api/auth";

	private final String baseUrl;

	private final HttpClient client;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private String publicBaseUrl;

	/**
	 * A user agent with its own cookies.
	 * @param baseUrl where relative paths go, such as {@code http://127.0.0.1:9000}
	 */
	public Http(String baseUrl) {
		this.baseUrl = baseUrl;
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/**
	 * Adds a header to every later request.
	 * @param name the header's name
	 * @param value its value
	 * @return this
	 */
	public Http header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	/**
	 * Sends every request as the gateway forwards it: with the {@code X-Forwarded-*}
	 * headers of {@code http://localhost:8080/api/auth}, and with addresses under that
	 * public base (or paths under {@code /api/auth}) sent to auth-server without the
	 * prefix, as the gateway's route does.
	 * @param clientAddress the client's address, {@code X-Forwarded-For}
	 * @return this
	 */
	public Http throughGateway(String clientAddress) {
		this.publicBaseUrl = "http://localhost:8080" + PUBLIC_PREFIX;
		return header("X-Forwarded-Proto", "http").header("X-Forwarded-Host", "localhost:8080")
			.header("X-Forwarded-Port", "8080")
			.header("X-Forwarded-Prefix", PUBLIC_PREFIX)
			.header("X-Forwarded-For", clientAddress);
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	public HttpResponse<String> get(String pathOrUrl, String... extraHeaders) {
		return send(request(pathOrUrl, extraHeaders).GET());
	}

	public Map<String, Object> getJson(String pathOrUrl, String... extraHeaders) {
		HttpResponse<String> response = get(pathOrUrl, extraHeaders);
		if (response.statusCode() != 200) {
			throw new AssertionError(
					"GET " + pathOrUrl + " answered " + response.statusCode() + ": " + response.body());
		}
		return json(response);
	}

	public HttpResponse<String> postForm(String pathOrUrl, Map<String, String> form, String... extraHeaders) {
		return send(request(pathOrUrl, extraHeaders).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(form))));
	}

	public HttpResponse<String> postJson(String pathOrUrl, String json, String... extraHeaders) {
		return send(request(pathOrUrl, extraHeaders).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public HttpResponse<String> post(String pathOrUrl, HttpRequest.BodyPublisher body, String... extraHeaders) {
		return send(request(pathOrUrl, extraHeaders).POST(body));
	}

	private HttpRequest.Builder request(String pathOrUrl, String... extraHeaders) {
		String url = pathOrUrl;
		if (this.publicBaseUrl != null && url.startsWith(PUBLIC_PREFIX + "/")) {
			url = url.substring(PUBLIC_PREFIX.length());
		}
		else if (this.publicBaseUrl != null && url.startsWith(this.publicBaseUrl)) {
			url = url.substring(this.publicBaseUrl.length());
		}
		URI uri = URI.create(url.startsWith("http") ? url : this.baseUrl + url);
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
		this.headers.forEach(builder::header);
		for (int i = 0; i < extraHeaders.length; i += 2) {
			builder.header(extraHeaders[i], extraHeaders[i + 1]);
		}
		return builder;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
	 * The JSON object of a response body.
	 * @param response the response
	 * @return its members
	 */
	public static Map<String, Object> json(HttpResponse<String> response) {
		return JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() {
		});
	}

	/**
	 * A JSON document from a map.
	 * @param value the members
	 * @return the JSON text
	 */
	public static String toJson(Map<String, ?> value) {
		return JSON.writeValueAsString(value);
	}

	/**
	 * The query parameters of a URL (the first value of each).
	 * @param url the URL
	 * @return the parameters, decoded
	 */
	public static Map<String, String> query(String url) {
		String query = URI.create(url).getRawQuery();
		Map<String, String> parameters = new LinkedHashMap<>();
		if (query == null) {
			return parameters;
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String name = decode((equals < 0) ? pair : pair.substring(0, equals));
			String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
			parameters.putIfAbsent(name, value);
		}
		return parameters;
	}

	/**
	 * A redirect's target.
	 * @param response the response
	 * @return its {@code Location} header
	 */
	public static String location(HttpResponse<String> response) {
		return response.headers()
			.firstValue("Location")
			.orElseThrow(() -> new AssertionError("No Location in a " + response.statusCode() + " answer to "
					+ response.uri() + ": " + response.body()));
	}

	static String form(Map<String, String> form) {
		List<String> pairs = new ArrayList<>();
		form.forEach((name, value) -> pairs.add(encode(name) + "=" + encode(value)));
		return pairs.stream().collect(Collectors.joining("&"));
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String decode(String value) {
		return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

}
