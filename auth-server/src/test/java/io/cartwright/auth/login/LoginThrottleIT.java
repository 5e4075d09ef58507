package io.cartwright.auth.login;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.cartwright.auth.AuthServerIntegrationTest;
import io.cartwright.auth.Http;
import io.cartwright.auth.PkceLogin;
import io.cartwright.auth.AuthClient;
import io.cartwright.auth.AuthClient.Customer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed sign-ins say nothing about whether an email has an account, and too many of them
 * lock the email — known or not — and the client address. Each test signs in from its own
 * address (as the gateway's {@code X-Forwarded-For} names it), so that the per-address
 * count of one test does not lock another.
 */
class LoginThrottleIT extends AuthServerIntegrationTest {

	private static final String PASSWORD = "the right password";

	private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

	@Autowired
	JdbcTemplate jdbc;

	private static String newAddress() {
		return "198.51.100." + ADDRESSES.getAndIncrement();
	}

	/** Opens the sign-in page and posts the form, as a browser does. */
	private HttpResponse<String> signIn(String address, String email, String password) {
		Http browser = new Http(baseUrl()).header("X-Forwarded-For", address);
		HttpResponse<String> page = browser.get("/login");
		return browser.postForm("/login",
				Map.of("username", email, "password", password, "_csrf", PkceLogin.csrf(page.body())));
	}

	private String shownAfter(HttpResponse<String> answer) {
		Http browser = new Http(baseUrl());
		String body = browser.get(Http.location(answer)).body();
		return body.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
	}

	@Test
	void answersAWrongPasswordAndAnUnknownEmailAlike() {
		String address = newAddress();
		Customer customer = AuthClient.signUp(new Http(baseUrl()), PASSWORD);

		HttpResponse<String> wrongPassword = signIn(address, customer.email(), "not the password");
		HttpResponse<String> unknownEmail = signIn(address, "nobody-" + UUID.randomUUID() + "@example.com", PASSWORD);

		assertThat(wrongPassword.statusCode()).isEqualTo(302);
		assertThat(unknownEmail.statusCode()).isEqualTo(302);
		assertThat(Http.location(wrongPassword)).isEqualTo(baseUrl() + "/login?error")
			.isEqualTo(Http.location(unknownEmail));
		assertThat(shownAfter(wrongPassword)).contains(LoginPage.INVALID).isEqualTo(shownAfter(unknownEmail));
	}

	@Test
	void refusesEvenTheRightPasswordAfterFiveFailuresForTheEmail() {
		String address = newAddress();
		Customer customer = AuthClient.signUp(new Http(baseUrl()), PASSWORD);
		for (int i = 0; i < 5; i++) {
			assertThat(Http.location(signIn(address, customer.email(), "wrong " + i))).endsWith("/login?error");
		}

		HttpResponse<String> refused = signIn(address, customer.email(), PASSWORD);

		assertThat(Http.location(refused)).isEqualTo(baseUrl() + "/login?locked");
		assertThat(shownAfter(refused)).contains(LoginPage.LOCKED);
		assertThat(Http.location(signIn(newAddress(), customer.email().toUpperCase(), PASSWORD)))
			.as("the lock follows the normalized email to any address")
			.endsWith("/login?locked");
	}

	@Test
	void locksAnUnknownEmailTheSameWay() {
		String address = newAddress();
		String unknown = "nobody-" + UUID.randomUUID() + "@example.com";
		Customer customer = AuthClient.signUp(new Http(baseUrl()), PASSWORD);
		for (int i = 0; i < 5; i++) {
			signIn(address, unknown, "guess " + i);
			signIn(newAddress(), customer.email(), "guess " + i);
		}

		HttpResponse<String> unknownLocked = signIn(address, unknown, PASSWORD);
		HttpResponse<String> knownLocked = signIn(address, customer.email(), PASSWORD);

		assertThat(Http.location(unknownLocked)).isEqualTo(baseUrl() + "/login?locked")
			.isEqualTo(Http.location(knownLocked));
		assertThat(shownAfter(unknownLocked)).isEqualTo(shownAfter(knownLocked));
	}

	@Test
	void letsTheEmailInAgainOnceTheLockIsOver() {
		String address = newAddress();
		Customer customer = AuthClient.signUp(new Http(baseUrl()), PASSWORD);
		for (int i = 0; i < 5; i++) {
			signIn(address, customer.email(), "wrong " + i);
		}
		assertThat(Http.location(signIn(address, customer.email(), PASSWORD))).endsWith("/login?locked");

		this.jdbc.update(
				"update login_throttle set locked_until = ?, window_start = ? where locked_until is not null "
						+ "and failures = 5",
				Timestamp.from(Instant.now().minusSeconds(1)), Timestamp.from(Instant.now().minusSeconds(16 * 60)));

		assertThat(Http.location(signIn(address, customer.email(), PASSWORD))).isEqualTo(baseUrl() + "/");
	}

	@Test
	void clearsTheEmailsFailuresOnASuccessfulSignIn() {
		String address = newAddress();
		Customer customer = AuthClient.signUp(new Http(baseUrl()), PASSWORD);
		for (int i = 0; i < 4; i++) {
			signIn(address, customer.email(), "wrong " + i);
		}
		assertThat(Http.location(signIn(address, customer.email(), PASSWORD))).isEqualTo(baseUrl() + "/");

		for (int i = 0; i < 4; i++) {
			signIn(address, customer.email(), "wrong again " + i);
		}

		assertThat(Http.location(signIn(address, customer.email(), PASSWORD))).isEqualTo(baseUrl() + "/");
	}

	@Test
	void locksAClientAddressAfterTwentyFailures() {
		String address = newAddress();
		Customer customer = AuthClient.signUp(new Http(baseUrl()), PASSWORD);
		for (int i = 0; i < 20; i++) {
			signIn(address, "sprayed-" + i + "-" + UUID.randomUUID() + "@example.com", "Winter2026!");
		}

		assertThat(Http.location(signIn(address, customer.email(), PASSWORD))).endsWith("/login?locked");
		assertThat(Http.location(signIn(newAddress(), customer.email(), PASSWORD))).isEqualTo(baseUrl() + "/");
	}

}
