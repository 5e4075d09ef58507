package io.cartwright.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.cartwright.launcher.LocalSecrets;
import io.cartwright.launcher.PkceSignIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People with accounts at auth-server, signed in as the web storefront does it: sign-up
 * through the gateway, then authorization code with PKCE.
 */
final class Accounts {

	static final String WEB_CLIENT = "storefront-web";

	static final String WEB_REDIRECT = "http://localhost:3000/callback";

	private static String staffToken;

	private static Instant staffSignedInAt = Instant.MIN;

	private Accounts() {
	}

	/**
	 * Signs a new customer up with a unique email.
	 * @return the new account
	 */
	static Account signUp() {
		String email = "shopper-" + StaffCatalog.unique() + "@e2e.example";
		String password = "correct horse " + StaffCatalog.unique();
		Storefront.Response created = Storefront.anonymous()
			.post("/api/auth/signup", Map.of("email", email, "password", password, "name", "E2E Shopper"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return new Account(created.json().get("id").asString(), email, password);
	}

	/**
	 * Signs a person in with the web storefront's client.
	 * @param email the email
	 * @param password the password
	 * @return the tokens
	 */
	static PkceSignIn.Tokens signIn(String email, String password) {
		return new PkceSignIn(RunningPlatform.get().issuer(), WEB_CLIENT, WEB_REDIRECT).signIn(email, password);
	}

	/**
	 * A new customer, signed up and signed in.
	 * @return the customer's storefront
	 */
	static Storefront newCustomer() {
		Account account = signUp();
		return Storefront.as(signIn(account.email(), account.password()).accessToken());
	}

	/**
	 * The first staff account, signed in again before its 15-minute token runs out.
	 * @return staff's storefront
	 */
	static Storefront staff() {
		return Storefront.as(staffToken());
	}

	/**
	 * A current access token of the first staff account.
	 * @return the token
	 */
	static synchronized String staffToken() {
		if (staffToken == null || staffSignedInAt.isBefore(Instant.now().minus(Duration.ofMinutes(10)))) {
			staffToken = signIn(LocalSecrets.STAFF_EMAIL, RunningPlatform.get().secrets().staffPassword())
				.accessToken();
			staffSignedInAt = Instant.now();
		}
		return staffToken;
	}

	/**
	 * A customer's account.
	 *
	 * @param id the customer id, the {@code sub} of the customer's tokens
	 * @param email the email
	 * @param password the password
	 */
	record Account(String id, String email, String password) {
	}

}
