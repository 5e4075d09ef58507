package io.cartwright.auth.account;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Flow;

import io.cartwright.auth.AuthServerIntegrationTest;
import io.cartwright.auth.Http;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /signup}. */
class SignUpIT extends AuthServerIntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	private static String uniqueEmail() {
		return "new-" + UUID.randomUUID() + "@example.com";
	}

	private HttpResponse<String> signUp(String email, String password, String name) {
		return new Http(baseUrl()).postJson("/signup",
				Http.toJson(Map.of("email", email, "password", password, "name", name)));
	}

	@Test
	void createsACustomerWithANormalizedEmailAndAHashedPassword() {
		String email = uniqueEmail();

		HttpResponse<String> created = signUp("  " + email.toUpperCase() + " ", "a long enough password", " Ada ");

		assertThat(created.statusCode()).isEqualTo(201);
		Map<String, Object> body = Http.json(created);
		assertThat(body.keySet()).containsExactlyInAnyOrder("id", "email", "name");
		assertThat(body).containsEntry("email", email).containsEntry("name", "Ada");
		String id = (String) body.get("id");
		assertThat(UUID.fromString(id)).hasToString(id);
		assertThat(created.headers().firstValue("Location")).hasValue(baseUrl() + "/accounts/" + id);
		Map<String, Object> row = this.jdbc.queryForMap("select email, role, password_hash from account where id = ?",
				id);
		assertThat(row).containsEntry("email", email).containsEntry("role", "CUSTOMER");
		assertThat((String) row.get("password_hash")).startsWith("{bcrypt}").doesNotContain("a long enough password");
	}

	@Test
	void refusesAnEmailThatIsTakenWhateverItsCase() {
		String email = uniqueEmail();
		assertThat(signUp(email, "a long enough password", "Ada").statusCode()).isEqualTo(201);

		HttpResponse<String> taken = signUp(email.toUpperCase(), "another long password", "Eve");

		assertThat(taken.statusCode()).isEqualTo(409);
		assertThat(taken.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(Http.json(taken)).containsEntry("type", "urn:cartwright:problem:email-taken");
		assertThat(this.jdbc.queryForObject("select count(*) from account where email = ?", Integer.class, email))
			.isOne();
	}

	@Test
	void listsEveryInvalidFieldAndStoresNothing() {
		int before = accounts();

		HttpResponse<String> refused = signUp("not-an-email", "short", " ");

		assertThat(refused.statusCode()).isEqualTo(400);
		Map<String, Object> problem = Http.json(refused);
		assertThat(problem).containsEntry("type", "urn:cartwright:problem:validation");
		assertThat(fields(problem)).containsExactlyInAnyOrder("email", "password", "name");
		assertThat(accounts()).isEqualTo(before);
	}

	@Test
	void refusesPasswordsShorterThanTwelveCharacters() {
		HttpResponse<String> refused = signUp(uniqueEmail(), "elevenchars", "Ada");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(errors(Http.json(refused)))
			.containsExactly(Map.of("field", "password", "message", "must be at least 12 characters long"));
		assertThat(signUp(uniqueEmail(), "twelve chars", "Ada").statusCode()).isEqualTo(201);
	}

	@Test
	void refusesPasswordsLongerThanBcryptReads() {
		// 37 characters, but 74 bytes in UTF-8: bcrypt would ignore the last two.
		HttpResponse<String> refused = signUp(uniqueEmail(), "é".repeat(37), "Ada");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(errors(Http.json(refused)))
			.containsExactly(Map.of("field", "password", "message", "must be at most 72 bytes long in UTF-8"));
		assertThat(signUp(uniqueEmail(), "é".repeat(36), "Ada").statusCode()).isEqualTo(201);
	}

	@Test
	void refusesNamesAndEmailsOverTheirLimits() {
		String longEmail = "a".repeat(64) + "@" + "b".repeat(190) + ".com";

		HttpResponse<String> refused = signUp(longEmail, "a long enough password", "N".repeat(101));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(fields(Http.json(refused))).containsExactlyInAnyOrder("email", "name");
	}

	@Test
	void refusesABodyOverTheLimitWithoutReadingIt() {
		String huge = Http
			.toJson(Map.of("email", uniqueEmail(), "password", "a long enough password", "name", "x".repeat(20_000)));

		HttpResponse<String> refused = new Http(baseUrl()).postJson("/signup", huge);

		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(Http.json(refused)).containsEntry("type", "urn:cartwright:problem:request-too-large");
	}

	@Test
	void refusesAChunkedBodyOverTheLimitWhileReadingIt() {
		String huge = Http
			.toJson(Map.of("email", uniqueEmail(), "password", "a long enough password", "name", "x".repeat(20_000)));
		HttpRequest.BodyPublisher unknownLength = new HttpRequest.BodyPublisher() {

			private final HttpRequest.BodyPublisher delegate = HttpRequest.BodyPublishers.ofString(huge);

			@Override
			public long contentLength() {
				return -1;
			}

			@Override
			public void subscribe(Flow.Subscriber<? super java.nio.ByteBuffer> subscriber) {
				this.delegate.subscribe(subscriber);
			}

		};

		HttpResponse<String> refused = new Http(baseUrl()).post("/signup", unknownLength, "Content-Type",
				"application/json");

		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(Http.json(refused)).containsEntry("type", "urn:cartwright:problem:request-too-large");
	}

	@Test
	void answersMalformedJsonWithAProblem() {
		HttpResponse<String> refused = new Http(baseUrl()).postJson("/signup", "{\"email\": ");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(Http.json(refused)).containsEntry("type", "urn:cartwright:problem:unreadable-request");
	}

	private int accounts() {
		return this.jdbc.queryForObject("select count(*) from account", Integer.class);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, String>> errors(Map<String, Object> problem) {
		return (List<Map<String, String>>) problem.get("errors");
	}

	private static List<String> fields(Map<String, Object> problem) {
		return errors(problem).stream().map((error) -> error.get("field")).distinct().toList();
	}

}
