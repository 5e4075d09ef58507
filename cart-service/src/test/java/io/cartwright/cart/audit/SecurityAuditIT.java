package io.cartwright.cart.audit;

import java.util.List;
import java.util.UUID;

import io.cartwright.cart.support.CartIntegrationTest;
import io.cartwright.infra.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * cart-service has no staff actions, but its security events are kept: a refused token
 * and a request the rules refuse, which staff read at {@code GET /admin/audit}.
 */
class SecurityAuditIT extends CartIntegrationTest {

	@Test
	void aRefusedTokenAndARefusedRequestAreRecordedAndOnlyStaffReadThem() {
		String requestId = "cart-" + UUID.randomUUID();
		http.get()
			.uri("/carts/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.signedByAnotherKey("mallory", "CUSTOMER"))
			.header("X-Request-Id", requestId)
			.header("X-Forwarded-For", "198.51.100.23")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		String staff = "staff-" + UUID.randomUUID();
		http.get()
			.uri("/carts/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff(staff))
			.exchange()
			.expectStatus()
			.isForbidden();

		readAudit("action=TOKEN_REFUSED&size=100").jsonPath("$.content[?(@.requestId == '" + requestId + "')].actor")
			.isEqualTo(List.of("anonymous"))
			.jsonPath("$.content[?(@.requestId == '" + requestId + "')].clientAddress")
			.isEqualTo(List.of("198.51.100.23"));
		readAudit("actor=" + staff).jsonPath("$.page.totalElements")
			.isEqualTo(1)
			.jsonPath("$.content[0].action")
			.isEqualTo("ACCESS_DENIED")
			.jsonPath("$.content[0].roles[0]")
			.isEqualTo("STAFF")
			.jsonPath("$.content[0].details.status")
			.isEqualTo(403);
		http.get()
			.uri("/admin/audit")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customer()))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private RestTestClient.BodyContentSpec readAudit(String query) {
		return http.get()
			.uri("/admin/audit?" + query)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff("auditor"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

}
