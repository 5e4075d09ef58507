package io.cartwright.auth;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the tests do as clients of auth-server: check tokens the way a resource server
 * does (signature against the published JWK set, fetched anew each time, expiry and
 * issuer), make customers, get client-credentials tokens.
 */
public final class AuthClient {

	private AuthClient() {
	}

	/**
	 * Decodes and checks a token.
	 * @param baseUrl auth-server's address
	 * @param token the token
	 * @return the verified JWT
	 */
	public static Jwt verify(String baseUrl, String token) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(baseUrl + "/oauth2/jwks").build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(AuthServerIntegrationTest.ISSUER));
		return decoder.decode(token);
	}

	/**
	 * Makes a customer account over the API.
	 * @param http a user agent
	 * @param password the password
	 * @return the new account's id and email
	 */
	public static Customer signUp(Http http, String password) {
		String email = "shopper-" + UUID.randomUUID() + "@example.com";
		var response = http.postJson("/signup",
				Http.toJson(Map.of("email", email, "password", password, "name", "Ada")));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return new Customer((String) Http.json(response).get("id"), email);
	}

	/**
	 * Asks for a client-credentials token with HTTP Basic client authentication.
	 * @param http a user agent
	 * @param clientId the client id
	 * @param secret the secret
	 * @param scope the scopes to ask for, or {@code null}
	 * @return the token endpoint's answer
	 */
	public static HttpResponse<String> clientCredentials(Http http, String clientId, String secret, String scope) {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		Map<String, String> form = (scope != null) ? Map.of("grant_type", "client_credentials", "scope", scope)
				: Map.of("grant_type", "client_credentials");
		return http.postForm("/oauth2/token", form, "Authorization", "Basic " + basic);
	}

	/**
	 * A customer made for a test.
	 *
	 * @param id the account id
	 * @param email the email
	 */
	public record Customer(String id, String email) {
	}

}
