package io.cartwright.auth;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.cartwright.auth.PkceLogin.Tokens;
import io.cartwright.auth.AuthClient.Customer;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/** Storefronts sign customers in with the authorization code and PKCE, over HTTP. */
class AuthorizationCodeFlowIT extends AuthServerIntegrationTest {

	private static final String PASSWORD = "correct horse battery";

	@Test
	void signsACustomerInWithPkceAndIssuesTokensNamingTheAccount() {
		Http browser = new Http(baseUrl());
		Customer customer = AuthClient.signUp(browser, PASSWORD);
		PkceLogin login = PkceLogin.storefront(browser);

		HttpResponse<String> authorize = login.authorize();
		assertThat(authorize.statusCode()).isEqualTo(302);
		String loginPage = Http.location(authorize);
		assertThat(loginPage).isEqualTo(baseUrl() + "/login");
		HttpResponse<String> signedIn = login.submitLogin(loginPage, customer.email().toUpperCase(), PASSWORD);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		String backToAuthorize = Http.location(signedIn);
		assertThat(backToAuthorize).startsWith(baseUrl() + "/oauth2/authorize?");
		Tokens tokens = login.exchange(login.code(backToAuthorize), login.verifier());

		assertThat(tokens.tokenType()).isEqualTo("Bearer");
		assertThat(tokens.refreshToken()).isNotBlank();
		assertThat(tokens.scope().split(" ")).containsExactlyInAnyOrder("openid", "profile", "email", "offline_access");
		Jwt access = AuthClient.verify(baseUrl(), tokens.accessToken());
		assertThat(access.getIssuer()).hasToString(ISSUER);
		assertThat(access.getSubject()).isEqualTo(customer.id());
		assertThat(access.getClaimAsStringList("roles")).containsExactly("CUSTOMER");
		assertThat(access.getClaimAsString("email")).isEqualTo(customer.email());
		assertThat(access.getAudience()).containsExactly("storefront-web");
		assertThat(access.getExpiresAt()).isBetween(access.getIssuedAt().plusSeconds(14 * 60),
				access.getIssuedAt().plusSeconds(15 * 60));
		assertThat(access.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
		Jwt id = AuthClient.verify(baseUrl(), tokens.idToken());
		assertThat(id.getSubject()).isEqualTo(customer.id());
		assertThat(id.getClaimAsString("email")).isEqualTo(customer.email());
		assertThat(id.getClaimAsString("name")).isEqualTo("Ada");
	}

	@Test
	void answersUserinfoWithTheAccountsEmailAndName() {
		Http browser = new Http(baseUrl());
		Customer customer = AuthClient.signUp(browser, PASSWORD);
		Tokens tokens = PkceLogin.storefront(browser).signIn(customer.email(), PASSWORD);

		Map<String, Object> userinfo = browser.getJson("/userinfo", "Authorization", "Bearer " + tokens.accessToken());

		assertThat(userinfo).containsEntry("sub", customer.id())
			.containsEntry("email", customer.email())
			.containsEntry("name", "Ada");
	}

	@Test
	void refusesACodeExchangedWithAnotherVerifier() {
		Http browser = new Http(baseUrl());
		Customer customer = AuthClient.signUp(browser, PASSWORD);
		PkceLogin login = PkceLogin.storefront(browser);
		String authorizeAgain = Http
			.location(login.submitLogin(Http.location(login.authorize()), customer.email(), PASSWORD));
		String code = login.code(authorizeAgain);

		HttpResponse<String> refused = login.exchangeResponse(code, login.verifier() + "x");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(Http.json(refused)).containsEntry("error", "invalid_grant");
	}

	@Test
	void refusesARedirectUriThatIsNotRegistered() {
		Http browser = new Http(baseUrl());
		PkceLogin evil = new PkceLogin(browser, "storefront-web", "https://evil.example/callback", "openid");

		HttpResponse<String> refused = evil.authorize();

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Location")).isEmpty();
	}

	@Test
	void letsTheCommandLineClientListenOnAnyLoopbackPort() {
		Http browser = new Http(baseUrl());
		Customer customer = AuthClient.signUp(browser, PASSWORD);

		Tokens tokens = new PkceLogin(browser, "cartwright-cli", "http://127.0.0.1:53682/callback", "openid email")
			.signIn(customer.email(), PASSWORD);

		assertThat(AuthClient.verify(baseUrl(), tokens.accessToken()).getSubject()).isEqualTo(customer.id());
	}

	@Test
	void keepsTheGatewaysAddressAndPrefixInEveryRedirect() {
		Http browser = new Http(baseUrl()).throughGateway("203.0.113.10");
		Customer customer = AuthClient.signUp(new Http(baseUrl()), PASSWORD);
		PkceLogin login = PkceLogin.storefront(browser);

		String loginPage = Http.location(login.authorize());
		assertThat(loginPage).isEqualTo("http://localhost:8080/api/auth/login");
		HttpResponse<String> page = browser.get(loginPage);
		assertThat(PkceLogin.formAction(page.body())).isEqualTo("/api/auth/login");
		HttpResponse<String> signedIn = login.submitLogin(loginPage, customer.email(), PASSWORD);
		String backToAuthorize = Http.location(signedIn);
		assertThat(backToAuthorize).startsWith("http://localhost:8080/api/auth/oauth2/authorize?");
		Tokens tokens = login.exchange(login.code(backToAuthorize), login.verifier());

		assertThat(AuthClient.verify(baseUrl(), tokens.accessToken()).getIssuer()).hasToString(ISSUER);
	}

	@Test
	void givesTheFirstStaffMemberTheStaffRole() {
		Http browser = new Http(baseUrl());

		Tokens tokens = PkceLogin.storefront(browser).signIn(STAFF_EMAIL, STAFF_PASSWORD);

		Jwt access = AuthClient.verify(baseUrl(), tokens.accessToken());
		assertThat(access.getClaimAsStringList("roles")).containsExactly("STAFF");
		assertThat(access.getClaimAsString("email")).isEqualTo("boss@cartwright.test");
	}

	@Test
	void makesTheDemoCustomerWhenItsPasswordIsSet() {
		Tokens tokens = PkceLogin.storefront(new Http(baseUrl())).signIn("demo@cartwright.local", DEMO_PASSWORD);

		Jwt access = AuthClient.verify(baseUrl(), tokens.accessToken());
		assertThat(access.getClaimAsStringList("roles")).containsExactly("CUSTOMER");
		assertThat(access.getClaimAsString("name")).isEqualTo("Demo Customer");
	}

	@Test
	void rotatesRefreshTokensOfPublicClientsAndRefusesAUsedOne() {
		Http browser = new Http(baseUrl());
		Customer customer = AuthClient.signUp(browser, PASSWORD);
		PkceLogin login = PkceLogin.storefront(browser);
		Tokens first = login.signIn(customer.email(), PASSWORD);

		HttpResponse<String> refreshed = login.refresh(first.refreshToken());

		assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
		Tokens second = PkceLogin.Tokens.of(refreshed);
		assertThat(second.refreshToken()).isNotBlank().isNotEqualTo(first.refreshToken());
		assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
		Jwt access = AuthClient.verify(baseUrl(), second.accessToken());
		assertThat(access.getSubject()).isEqualTo(customer.id());
		assertThat(access.getClaimAsStringList("roles")).containsExactly("CUSTOMER");
		assertThat(second.idToken()).isNotBlank();

		HttpResponse<String> reused = login.refresh(first.refreshToken());
		assertThat(reused.statusCode()).isEqualTo(400);
		assertThat(Http.json(reused)).containsEntry("error", "invalid_grant");
		assertThat(login.refresh(second.refreshToken()).statusCode()).isEqualTo(200);
	}

	@Test
	void letsAStorefrontRevokeItsRefreshTokenAtSignOut() {
		Http browser = new Http(baseUrl());
		Customer customer = AuthClient.signUp(browser, PASSWORD);
		PkceLogin login = PkceLogin.storefront(browser);
		Tokens tokens = login.signIn(customer.email(), PASSWORD);

		HttpResponse<String> revoked = browser.postForm("/oauth2/revoke", Map.of("token", tokens.refreshToken(),
				"token_type_hint", "refresh_token", "client_id", "storefront-web"));

		assertThat(revoked.statusCode()).isEqualTo(200);
		assertThat(Http.json(login.refresh(tokens.refreshToken()))).containsEntry("error", "invalid_grant");
	}

	@Test
	void refusesIntrospectionToPublicClients() {
		Http browser = new Http(baseUrl());
		Customer customer = AuthClient.signUp(browser, PASSWORD);
		Tokens tokens = PkceLogin.storefront(browser).signIn(customer.email(), PASSWORD);

		HttpResponse<String> refused = browser.postForm("/oauth2/introspect",
				Map.of("token", tokens.accessToken(), "client_id", "storefront-web"));

		assertThat(refused.statusCode()).isBetween(400, 401);
		assertThat(Http.json(refused)).containsKey("error").doesNotContainKey("active");
	}

	@Test
	void refusesARefreshTokenPresentedByAnotherPublicClient() {
		Http browser = new Http(baseUrl());
		Customer customer = AuthClient.signUp(browser, PASSWORD);
		Tokens tokens = PkceLogin.storefront(browser).signIn(customer.email(), PASSWORD);

		HttpResponse<String> refused = new PkceLogin(browser, "storefront-mobile",
				"io.cartwright.storefront:/oauth2/callback", "openid")
			.refresh(tokens.refreshToken());

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(Http.json(refused)).containsEntry("error", "invalid_grant");
	}

	@Test
	void showsAnAccountToItsOwnerOnly() {
		Http browser = new Http(baseUrl());
		Customer customer = AuthClient.signUp(browser, PASSWORD);
		Customer other = AuthClient.signUp(browser, PASSWORD);
		String token = PkceLogin.storefront(new Http(baseUrl())).signIn(customer.email(), PASSWORD).accessToken();
		String otherToken = PkceLogin.storefront(new Http(baseUrl())).signIn(other.email(), PASSWORD).accessToken();

		Map<String, Object> own = browser.getJson("/accounts/" + customer.id(), "Authorization", "Bearer " + token);
		assertThat(own).containsEntry("id", customer.id())
			.containsEntry("email", customer.email())
			.doesNotContainKey("passwordHash");
		assertThat(browser.get("/accounts/" + customer.id(), "Authorization", "Bearer " + otherToken).statusCode())
			.isEqualTo(404);
		HttpResponse<String> anonymous = browser.get("/accounts/" + customer.id());
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(Http.json(anonymous)).containsEntry("type", "urn:cartwright:problem:unauthorized");
		assertThat(List.of(own.keySet().toArray())).containsExactlyInAnyOrder("id", "email", "name");
	}

}
