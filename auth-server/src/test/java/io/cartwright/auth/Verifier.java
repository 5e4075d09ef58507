package io.cartwright.auth;

import java.util.Map;
import java.util.UUID;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks tokens the way a resource server does: signature against the published JWK set
 * (fetched anew for each verifier), expiry and issuer.
 */
public final class Verifier {

	private Verifier() {
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
	 * A customer made for a test.
	 *
	 * @param id the account id
	 * @param email the email
	 */
	public record Customer(String id, String email) {
	}

}
