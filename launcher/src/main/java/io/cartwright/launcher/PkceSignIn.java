package io.cartwright.launcher;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs a user in the way a storefront does, without a browser: OAuth 2.1 authorization
 * code with PKCE against the issuer's discovered endpoints, filling in its login form,
 * then the code for tokens. For the {@code ./cartwright token} command and the end-to-end
 * tests; a real storefront lets the browser or the system's web view do the form part.
 */
public final class PkceSignIn {

	private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*\\saction=\"([^\"]*)\"",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern CSRF = Pattern.compile(
			"<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]*)\"|<input[^>]*value=\"([^\"]*)\"[^>]*name=\"_csrf\"",
			Pattern.CASE_INSENSITIVE);

	private static final SecureRandom random = new SecureRandom();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final URI issuer;

	private final String clientId;

	private final String redirectUri;

	private final HttpClient http;

	/**
	 * A sign-in client for one public client of the issuer.
	 * @param issuer the issuer, for example {@code http://localhost:8080/api/auth}
	 * @param clientId the public client's id
	 * @param redirectUri one of the client's registered redirect URIs
	 */
	public PkceSignIn(String issuer, String clientId, String redirectUri) {
		this.issuer = URI.create(issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer);
		this.clientId = clientId;
		this.redirectUri = redirectUri;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/**
	 * Signs in with an email and a password.
	 * @param email the account's email
	 * @param password its password
	 * @return the tokens
	 * @throws SignInException when the issuer refuses the sign-in or answers unexpectedly
	 */
	public Tokens signIn(String email, String password) {
		JsonNode discovery = getJson(this.issuer + "/.well-known/openid-configuration");
		String verifier = randomUrlSafe(32);
		String state = randomUrlSafe(16);
		Map<String, String> authorize = new LinkedHashMap<>();
		authorize.put("response_type", "code");
		authorize.put("client_id", this.clientId);
		authorize.put("redirect_uri", this.redirectUri);
		authorize.put("scope", "openid profile email offline_access");
		authorize.put("state", state);
		authorize.put("code_challenge", challenge(verifier));
		authorize.put("code_challenge_method", "S256");
		URI next = URI.create(text(discovery, "authorization_endpoint") + "?" + form(authorize));
		boolean formSubmitted = false;
		for (int step = 0; step < 10; step++) {
			if (next.toString().startsWith(this.redirectUri)) {
				Map<String, String> answer = query(next);
				if (answer.containsKey("error")) {
					throw new SignInException("The issuer refused the authorization: " + answer.get("error") + " "
							+ answer.getOrDefault("error_description", ""));
				}
				if (!state.equals(answer.get("state"))) {
					throw new SignInException("The authorization came back with another state");
				}
				return exchange(text(discovery, "token_endpoint"), answer.get("code"), verifier);
			}
			HttpResponse<String> response = send(HttpRequest.newBuilder(next).GET());
			Optional<String> location = response.headers().firstValue("Location");
			if (location.isPresent()) {
				if (formSubmitted && location.get().contains("error")) {
					throw new SignInException("The sign-in was refused for " + email);
				}
				next = next.resolve(location.get());
			}
			else if (response.statusCode() == 200 && !formSubmitted && response.body().contains("name=\"password\"")) {
				next = submitLoginForm(next, response.body(), email, password);
				formSubmitted = true;
			}
			else {
				throw new SignInException("Unexpected answer " + response.statusCode() + " from " + next);
			}
		}
		throw new SignInException("Too many redirects while signing in at " + this.issuer);
	}

	/**
	 * Trades a refresh token for new tokens.
	 * @param refreshToken the refresh token
	 * @return the new tokens
	 * @throws SignInException when the issuer refuses it
	 */
	public Tokens refresh(String refreshToken) {
		JsonNode discovery = getJson(this.issuer + "/.well-known/openid-configuration");
		return tokens(text(discovery, "token_endpoint"),
				Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", this.clientId));
	}

	private URI submitLoginForm(URI page, String html, String email, String password) {
		Matcher action = FORM_ACTION.matcher(html);
		Matcher csrf = CSRF.matcher(html);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("username", email);
		fields.put("password", password);
		if (csrf.find()) {
			fields.put("_csrf", unescape((csrf.group(1) != null) ? csrf.group(1) : csrf.group(2)));
		}
		URI target = action.find() ? page.resolve(unescape(action.group(1))) : page;
		HttpResponse<String> response = send(HttpRequest.newBuilder(target)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(fields))));
		return response.headers()
			.firstValue("Location")
			.filter((location) -> !location.contains("error"))
			.map(target::resolve)
			.orElseThrow(() -> new SignInException("The sign-in was refused for " + email));
	}

	private Tokens exchange(String tokenEndpoint, String code, String verifier) {
		return tokens(tokenEndpoint, Map.of("grant_type", "authorization_code", "code", code, "redirect_uri",
				this.redirectUri, "client_id", this.clientId, "code_verifier", verifier));
	}

	private Tokens tokens(String tokenEndpoint, Map<String, String> fields) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(tokenEndpoint))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(fields))));
		if (response.statusCode() != 200) {
			throw new SignInException("The token endpoint answered " + response.statusCode() + ": " + response.body());
		}
		JsonNode body = json.readTree(response.body());
		return new Tokens(text(body, "access_token"), text(body, "refresh_token"), text(body, "id_token"),
				body.path("expires_in").asLong());
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	private JsonNode getJson(String url) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET());
		if (response.statusCode() != 200) {
			throw new SignInException(url + " answered " + response.statusCode());
		}
		return json.readTree(response.body());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(15)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new SignInException("Could not reach " + this.issuer + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SignInException("Interrupted while signing in");
		}
	}

	private static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	private static String randomUrlSafe(int bytes) {
		byte[] value = new byte[bytes];
		random.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> values = new LinkedHashMap<>();
		String query = uri.getRawQuery();
		if (query != null) {
			for (String pair : query.split("&")) {
				int equals = pair.indexOf('=');
				String name = (equals < 0) ? pair : pair.substring(0, equals);
				String value = (equals < 0) ? "" : pair.substring(equals + 1);
				values.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
						URLDecoder.decode(value, StandardCharsets.UTF_8));
			}
		}
		return values;
	}

	private static String unescape(String html) {
		return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'");
	}

	/**
	 * What the token endpoint hands out.
	 *
	 * @param accessToken the access token (a JWT)
	 * @param refreshToken the refresh token, if the client gets one
	 * @param idToken the OpenID Connect ID token
	 * @param expiresIn the access token's lifetime in seconds
	 */
	public record Tokens(String accessToken, String refreshToken, String idToken, long expiresIn) {

		@Override
		public String toString() {
			return "Tokens[expiresIn=" + this.expiresIn + "]";
		}

	}

	/** The issuer refused a sign-in, or answered in a way a sign-in cannot go on from. */
	public static final class SignInException extends RuntimeException {

		SignInException(String message) {
			super(message);
		}

	}

}
