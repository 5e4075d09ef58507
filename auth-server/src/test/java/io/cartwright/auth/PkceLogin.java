package io.cartwright.auth;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization-code flow with PKCE done over HTTP, as a storefront and its user's
 * browser would do it, one redirect at a time: authorize, sign in on the form, get the
 * code at the redirect URI, exchange it; then refresh. Each step is also callable alone,
 * for the tests that stop half-way.
 */
public final class PkceLogin {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Http http;

	private final String clientId;

	private final String redirectUri;

	private final String scope;

	private final String verifier = randomUrlSafe(48);

	private final String state = randomUrlSafe(16);

	/**
	 * @param http the user agent (its cookies are the browser's)
	 * @param clientId the public client
	 * @param redirectUri the redirect URI to ask for
	 * @param scope the scopes, space-separated
	 */
	public PkceLogin(Http http, String clientId, String redirectUri, String scope) {
		this.http = http;
		this.clientId = clientId;
		this.redirectUri = redirectUri;
		this.scope = scope;
	}

	/** The storefront-web client asking for every scope it has. */
	public static PkceLogin storefront(Http http) {
		return new PkceLogin(http, "storefront-web", "http://localhost:3000/callback",
				"openid profile email offline_access");
	}

	public String verifier() {
		return this.verifier;
	}

	/**
	 * Signs in and returns the tokens, checking every step on the way.
	 * @param email the email typed in
	 * @param password the password typed in
	 * @return the token response
	 */
	public Tokens signIn(String email, String password) {
		String login = Http.location(authorize());
		assertThat(login).endsWith("/login");
		HttpResponse<String> submitted = submitLogin(login, email, password);
		assertThat(submitted.statusCode()).isEqualTo(302);
		String backToAuthorize = Http.location(submitted);
		assertThat(backToAuthorize).as("signed in, back to the authorization endpoint").contains("/oauth2/authorize");
		return exchange(code(backToAuthorize), this.verifier);
	}

	/**
	 * Step 1: the storefront sends the browser to the authorization endpoint.
	 * @return the answer, a redirect to the sign-in page for a browser not signed in
	 */
	public HttpResponse<String> authorize() {
		return this.http.get("/oauth2/authorize?" + Http.form(authorizationRequest()), "Accept", "text/html");
	}

	/**
	 * Step 2: the browser shows the sign-in page and posts the form with its CSRF token.
	 * @param loginPage the sign-in page's address
	 * @param email the email typed in
	 * @param password the password typed in
	 * @return the answer to the form
	 */
	public HttpResponse<String> submitLogin(String loginPage, String email, String password) {
		HttpResponse<String> page = this.http.get(loginPage, "Accept", "text/html");
		assertThat(page.statusCode()).isEqualTo(200);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("username", email);
		form.put("password", password);
		form.put("_csrf", csrf(page.body()));
		return this.http.postForm(formAction(page.body()), form);
	}

	/**
	 * Step 3: back at the authorization endpoint, now signed in, the browser is sent to
	 * the redirect URI with the code.
	 * @param authorizeUrl the authorization endpoint's address the sign-in sent it to
	 * @return the code
	 */
	public String code(String authorizeUrl) {
		HttpResponse<String> answer = this.http.get(authorizeUrl, "Accept", "text/html");
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
		String callback = Http.location(answer);
		assertThat(callback).startsWith(this.redirectUri);
		Map<String, String> parameters = Http.query(callback);
		assertThat(parameters).containsEntry("state", this.state).containsKey("code");
		return parameters.get("code");
	}

	/**
	 * Step 4: the storefront exchanges the code, proving it started the flow.
	 * @param code the code
	 * @param codeVerifier the PKCE verifier sent
	 * @return the token response
	 */
	public Tokens exchange(String code, String codeVerifier) {
		HttpResponse<String> response = exchangeResponse(code, codeVerifier);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Tokens.of(response);
	}

	/**
	 * The code exchange's raw answer.
	 * @param code the code
	 * @param codeVerifier the PKCE verifier sent
	 * @return the answer
	 */
	public HttpResponse<String> exchangeResponse(String code, String codeVerifier) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("code", code);
		form.put("redirect_uri", this.redirectUri);
		form.put("client_id", this.clientId);
		form.put("code_verifier", codeVerifier);
		return this.http.postForm("/oauth2/token", form);
	}

	/**
	 * A refresh, as the public client does it: its client id and the refresh token.
	 * @param refreshToken the refresh token
	 * @return the answer
	 */
	public HttpResponse<String> refresh(String refreshToken) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "refresh_token");
		form.put("refresh_token", refreshToken);
		form.put("client_id", this.clientId);
		return this.http.postForm("/oauth2/token", form);
	}

	private Map<String, String> authorizationRequest() {
		Map<String, String> request = new LinkedHashMap<>();
		request.put("response_type", "code");
		request.put("client_id", this.clientId);
		request.put("redirect_uri", this.redirectUri);
		request.put("scope", this.scope);
		request.put("state", this.state);
		request.put("code_challenge", challenge(this.verifier));
		request.put("code_challenge_method", "S256");
		return request;
	}

	/**
	 * The CSRF token of a sign-in page.
	 * @param page the page's HTML
	 * @return the token
	 */
	public static String csrf(String page) {
		Matcher matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as("a hidden _csrf input in " + page).isTrue();
		return matcher.group(1);
	}

	/**
	 * Where a sign-in page's form posts to.
	 * @param page the page's HTML
	 * @return the form's action
	 */
	public static String formAction(String page) {
		Matcher matcher = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"").matcher(page);
		assertThat(matcher.find()).as("a sign-in form in " + page).isTrue();
		return matcher.group(1);
	}

	private static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String randomUrlSafe(int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	/**
	 * A token response.
	 *
	 * @param accessToken the access token
	 * @param idToken the ID token, if any
	 * @param refreshToken the refresh token, if any
	 * @param scope the granted scopes
	 * @param tokenType the token type
	 */
	public record Tokens(String accessToken, String idToken, String refreshToken, String scope, String tokenType) {

		static Tokens of(HttpResponse<String> response) {
			Map<String, Object> body = Http.json(response);
			return new Tokens((String) body.get("access_token"), (String) body.get("id_token"),
					(String) body.get("refresh_token"), (String) body.get("scope"), (String) body.get("token_type"));
		}

	}

}
