package io.cartwright.auth.login;

import java.net.http.HttpResponse;

import com.zaxxer.hikari.HikariDataSource;
import io.cartwright.auth.AuthClient;
import io.cartwright.auth.AuthServerIntegrationTest;
import io.cartwright.auth.Http;
import io.cartwright.auth.PkceLogin;
import io.cartwright.auth.SecondInstance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a load balancer each step of a sign-in may reach another replica: the session
 * that carries it is kept in the identity schema, not in one instance's memory.
 */
class SignInAcrossInstancesIT extends AuthServerIntegrationTest {

	@Autowired
	HikariDataSource dataSource;

	@Test
	void aSignInStartedOnOneInstanceIsFinishedOnAnother() {
		try (ConfigurableApplicationContext other = SecondInstance.start(this.dataSource, KEY_PASSWORD)) {
			String otherUrl = SecondInstance.baseUrl(other);
			// One browser: its cookies go to both instances (cookies do not depend on the
			// port).
			Http browser = new Http(baseUrl());
			PkceLogin login = PkceLogin.storefront(browser);

			String loginPage = Http.location(login.authorize());
			assertThat(loginPage).startsWith(baseUrl());
			HttpResponse<String> submitted = login.submitLogin(loginPage.replace(baseUrl(), otherUrl), STAFF_EMAIL,
					STAFF_PASSWORD);
			assertThat(submitted.statusCode()).isEqualTo(302);
			String backToAuthorize = Http.location(submitted);
			assertThat(backToAuthorize).contains("/oauth2/authorize");

			String code = login.code(backToAuthorize);
			PkceLogin.Tokens tokens = new PkceLogin(new Http(otherUrl), "storefront-web",
					"http://localhost:3000/callback", "openid")
				.exchange(code, login.verifier());
			assertThat(AuthClient.verify(otherUrl, tokens.accessToken()).getClaimAsStringList("roles"))
				.containsExactly("STAFF");
		}
	}

}
