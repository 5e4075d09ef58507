package io.cartwright.auth.audit;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.cartwright.auth.AuthClient;
import io.cartwright.auth.AuthClient.Customer;
import io.cartwright.auth.AuthServerIntegrationTest;
import io.cartwright.auth.Http;
import io.cartwright.auth.PkceLogin;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-ins, failed client authentications, refused requests and on-demand key rotations
 * end up in auth-server's audit trail, which staff, and only staff, read at
 * {@code GET /admin/audit}.
 */
class AuditTrailIT extends AuthServerIntegrationTest {

	private static final String PASSWORD = "audited password";

	@Test
	void aFailedAndASuccessfulSignInAreRecordedWithTheClientAddress() {
		Customer customer = AuthClient.signUp(new Http(baseUrl()), PASSWORD);
		assertThat(Http.location(signIn("203.0.113.50", customer.email(), "wrong password"))).endsWith("/login?error");
		assertThat(Http.location(signIn("203.0.113.51", customer.email(), PASSWORD))).doesNotContain("error");

		Map<String, Object> failed = first(audit("action=SIGN_IN_FAILED&actor=" + customer.email()));
		assertThat(failed).containsEntry("clientAddress", "203.0.113.50");
		assertThat(failed.get("details").toString()).contains("/login");
		Map<String, Object> succeeded = first(audit("action=SIGN_IN_SUCCEEDED&actor=" + customer.id()));
		assertThat(succeeded).containsEntry("clientAddress", "203.0.113.51")
			.containsEntry("roles", List.of("CUSTOMER"));
	}

	@Test
	void aClientWithAWrongSecretIsRecorded() {
		HttpResponse<String> refused = AuthClient.clientCredentials(new Http(baseUrl()), "order-service",
				"not-the-secret", "cart.internal");
		assertThat(refused.statusCode()).isEqualTo(401);

		assertThat(audit("action=CLIENT_AUTHENTICATION_FAILED&actor=order-service").get("page").toString())
			.doesNotContain("totalElements=0");
	}

	@Test
	void anOnDemandKeyRotationIsRecordedWithTheStaffMemberAndTheKeys() {
		HttpResponse<String> rotated = new Http(baseUrl()).post("/admin/keys/rotate",
				HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer " + staffToken());
		assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
		String kid = (String) Http.json(rotated).get("kid");

		Map<String, Object> entry = first(audit("action=SIGNING_KEY_ROTATED&entityId=" + kid));
		assertThat(entry).containsEntry("actor", "cartwright-automation")
			.containsEntry("entityType", "signing-key")
			.containsEntry("after",
					Map.of("kid", kid, "activatedAt", ((Map<?, ?>) entry.get("after")).get("activatedAt")));
		assertThat(entry.get("before")).isNotNull();
	}

	@Test
	void customersAreRefusedTheTrailAndTheRefusalIsRecorded() {
		Customer customer = AuthClient.signUp(new Http(baseUrl()), PASSWORD);
		String token = PkceLogin.storefront(new Http(baseUrl())).signIn(customer.email(), PASSWORD).accessToken();

		HttpResponse<String> forbidden = new Http(baseUrl()).get("/admin/audit", "Authorization", "Bearer " + token);
		assertThat(forbidden.statusCode()).isEqualTo(403);
		HttpResponse<String> tampered = new Http(baseUrl()).get("/admin/audit", "Authorization",
				"Bearer " + token.substring(0, token.length() - 4) + "AAAA");
		assertThat(tampered.statusCode()).isEqualTo(401);

		Map<String, Object> denied = first(audit("action=ACCESS_DENIED&actor=" + customer.id()));
		assertThat(denied.get("details").toString()).contains("status=403").contains("/admin/audit");
		assertThat(audit("action=TOKEN_REFUSED").get("content").toString()).doesNotContain(token.substring(0, 40));
	}

	private HttpResponse<String> signIn(String address, String email, String password) {
		Http browser = new Http(baseUrl()).header("X-Forwarded-For", address);
		HttpResponse<String> page = browser.get("/login");
		return browser.postForm("/login",
				Map.of("username", email, "password", password, "_csrf", PkceLogin.csrf(page.body())));
	}

	private String staffToken() {
		HttpResponse<String> token = AuthClient.clientCredentials(new Http(baseUrl()), "cartwright-automation",
				AUTOMATION_SECRET, null);
		assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
		return (String) Http.json(token).get("access_token");
	}

	private Map<String, Object> audit(String query) {
		HttpResponse<String> answer = new Http(baseUrl()).get("/admin/audit?" + query, "Authorization",
				"Bearer " + staffToken());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return Http.json(answer);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> first(Map<String, Object> page) {
		List<Map<String, Object>> content = (List<Map<String, Object>>) page.get("content");
		assertThat(content).as("audit entries").isNotEmpty();
		return content.get(0);
	}

}
