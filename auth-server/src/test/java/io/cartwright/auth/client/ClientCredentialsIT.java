package io.cartwright.auth.client;

import java.net.http.HttpResponse;
import java.util.Map;

import io.cartwright.auth.AuthServerIntegrationTest;
import io.cartwright.auth.Http;
import io.cartwright.auth.AuthClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/** Services and automation get tokens with their client id and secret. */
class ClientCredentialsIT extends AuthServerIntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void givesOrderServiceATokenWithTheServiceRoleAndItsScope() {
		HttpResponse<String> response = AuthClient.clientCredentials(new Http(baseUrl()), "order-service", ORDER_SECRET,
				"cart.internal");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Map<String, Object> body = Http.json(response);
		assertThat(body).doesNotContainKey("refresh_token").containsEntry("scope", "cart.internal");
		Jwt token = AuthClient.verify(baseUrl(), (String) body.get("access_token"));
		assertThat(token.getSubject()).isEqualTo("order-service");
		assertThat(token.getClaimAsStringList("roles")).containsExactly("SERVICE");
		assertThat(token.getClaimAsStringList("scope")).containsExactly("cart.internal");
		assertThat(token.getIssuer()).hasToString(ISSUER);
	}

	@Test
	void givesTheAutomationClientTheStaffRole() {
		HttpResponse<String> response = AuthClient.clientCredentials(new Http(baseUrl()), "cartwright-automation",
				AUTOMATION_SECRET, null);

		assertThat(response.statusCode()).isEqualTo(200);
		Jwt token = AuthClient.verify(baseUrl(), (String) Http.json(response).get("access_token"));
		assertThat(token.getSubject()).isEqualTo("cartwright-automation");
		assertThat(token.getClaimAsStringList("roles")).containsExactly("STAFF");
	}

	@Test
	void refusesAWrongSecret() {
		HttpResponse<String> refused = AuthClient.clientCredentials(new Http(baseUrl()), "order-service", "guessed",
				null);

		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(Http.json(refused)).containsEntry("error", "invalid_client");
	}

	@Test
	void refusesAScopeTheClientDoesNotHave() {
		HttpResponse<String> refused = AuthClient.clientCredentials(new Http(baseUrl()), "order-service", ORDER_SECRET,
				"openid");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(Http.json(refused)).containsEntry("error", "invalid_scope");
	}

	@Test
	void doesNotTakeAConfidentialClientForAPublicOneWhenItLeavesItsSecretOut() {
		HttpResponse<String> refused = new Http(baseUrl()).postForm("/oauth2/token",
				Map.of("grant_type", "refresh_token", "refresh_token", "anything", "client_id", "order-service"));

		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(Http.json(refused)).containsEntry("error", "invalid_client");
	}

	@Test
	void storesClientSecretsHashed() {
		String stored = this.jdbc.queryForObject(
				"select client_secret from oauth2_registered_client where client_id = 'order-service'", String.class);

		assertThat(stored).startsWith("{bcrypt}").doesNotContain(ORDER_SECRET);
		assertThat(this.jdbc.queryForObject(
				"select client_secret from oauth2_registered_client where client_id = 'storefront-web'", String.class))
			.isNull();
	}

}
