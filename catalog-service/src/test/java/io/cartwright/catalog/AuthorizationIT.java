package io.cartwright.catalog;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.cartwright.infra.test.EmbeddedInfrastructure;
import io.cartwright.infra.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Catalog writes need a valid staff token: without one they get 401, with a customer's
 * 403, both as problem details. Reads are public.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@EmbeddedInfrastructure
@Import(TestCatalog.class)
class AuthorizationIT {

	@Autowired
	RestTestClient http;

	static Stream<Arguments> writes() {
		UUID id = UUID.randomUUID();
		return Stream.of(Arguments.of(HttpMethod.POST, "/categories"),
				Arguments.of(HttpMethod.PUT, "/categories/" + id), Arguments.of(HttpMethod.DELETE, "/categories/" + id),
				Arguments.of(HttpMethod.POST, "/products"), Arguments.of(HttpMethod.PUT, "/products/" + id),
				Arguments.of(HttpMethod.POST, "/products/" + id + "/archive"),
				Arguments.of(HttpMethod.POST, "/products/" + id + "/activate"),
				Arguments.of(HttpMethod.POST, "/products/" + id + "/variants/SKU-1/archive"));
	}

	@ParameterizedTest
	@MethodSource("writes")
	void refusesWritesWithoutATokenWith401(HttpMethod method, String uri) {
		write(method, uri, null).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:unauthorized");
	}

	@ParameterizedTest
	@MethodSource("writes")
	void refusesWritesWithACustomerTokenWith403(HttpMethod method, String uri) {
		write(method, uri, TestTokens.customer("c1")).expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cartwright:problem:forbidden");
	}

	@Test
	void refusesExpiredAndForeignTokensWith401EvenForStaff() {
		write(HttpMethod.POST, "/categories", TestTokens.expired("s1", "STAFF")).expectStatus().isUnauthorized();
		write(HttpMethod.POST, "/categories", TestTokens.signedByAnotherKey("s1", "STAFF")).expectStatus()
			.isUnauthorized();
		this.http.get()
			.uri("/categories")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.expired("c1", "CUSTOMER"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void letsStaffWrite() {
		write(HttpMethod.POST, "/categories", TestTokens.staff("s1"),
				Map.of("slug", "staff-" + TestCatalog.unique(), "name", "Staff made"))
			.expectStatus()
			.isCreated();
	}

	@Test
	void letsAnybodyRead() {
		this.http.get().uri("/categories").exchange().expectStatus().isOk();
		this.http.get().uri("/products").exchange().expectStatus().isOk();
		this.http.get()
			.uri("/products")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer("c1"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private RestTestClient.ResponseSpec write(HttpMethod method, String uri, String token) {
		return write(method, uri, token, Map.of());
	}

	private RestTestClient.ResponseSpec write(HttpMethod method, String uri, String token, Object body) {
		RestTestClient.RequestBodySpec request = this.http.method(method)
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON);
		if (token != null) {
			request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return request.body(body).exchange();
	}

}
