package io.cartwright.auth.key;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.cartwright.auth.AuthServerApplication;
import io.cartwright.auth.AuthServerIntegrationTest;
import io.cartwright.auth.Http;
import io.cartwright.auth.PkceLogin;
import io.cartwright.auth.SecondInstance;
import io.cartwright.auth.AuthClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signing keys survive restarts, rotate on demand and by age, and a token signed before a
 * rotation still verifies after it.
 */
class SigningKeysIT extends AuthServerIntegrationTest {

	@Autowired
	SigningKeys keys;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	HikariDataSource dataSource;

	private String automationToken() {
		HttpResponse<String> response = AuthClient.clientCredentials(new Http(baseUrl()), "cartwright-automation",
				AUTOMATION_SECRET, null);
		return (String) Http.json(response).get("access_token");
	}

	private String kid(String token) {
		return (String) AuthClient.verify(baseUrl(), token).getHeaders().get("kid");
	}

	@SuppressWarnings("unchecked")
	private List<String> publishedKids() {
		List<Map<String, Object>> keys = (List<Map<String, Object>>) new Http(baseUrl()).getJson("/oauth2/jwks")
			.get("keys");
		return keys.stream().map((key) -> (String) key.get("kid")).toList();
	}

	@Test
	void keepsVerifyingTokensSignedBeforeAnOnDemandRotation() {
		String before = automationToken();
		String oldKid = kid(before);

		HttpResponse<String> rotated = new Http(baseUrl()).post("/admin/keys/rotate",
				java.net.http.HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer " + before);

		assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
		String newKid = (String) Http.json(rotated).get("kid");
		assertThat(newKid).isNotEqualTo(oldKid);
		assertThat(publishedKids()).startsWith(newKid).contains(oldKid);
		Jwt old = AuthClient.verify(baseUrl(), before);
		assertThat(old.getHeaders()).containsEntry("kid", oldKid);
		assertThat(kid(automationToken())).isEqualTo(newKid);
		assertThat(publicKeysOnly()).isTrue();
	}

	@SuppressWarnings("unchecked")
	private boolean publicKeysOnly() {
		List<Map<String, Object>> keys = (List<Map<String, Object>>) new Http(baseUrl()).getJson("/oauth2/jwks")
			.get("keys");
		return keys.stream().noneMatch((key) -> key.containsKey("d") || key.containsKey("p"));
	}

	@Test
	void letsOnlyStaffRotateKeys() {
		Http http = new Http(baseUrl());
		var customer = AuthClient.signUp(http, "customer password");
		String customerToken = PkceLogin.storefront(new Http(baseUrl()))
			.signIn(customer.email(), "customer password")
			.accessToken();
		String kid = this.keys.signingKey().getKeyID();

		HttpResponse<String> forbidden = http.post("/admin/keys/rotate",
				java.net.http.HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer " + customerToken);
		HttpResponse<String> anonymous = http.post("/admin/keys/rotate",
				java.net.http.HttpRequest.BodyPublishers.noBody());

		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(Http.json(forbidden)).containsEntry("type", "urn:cartwright:problem:forbidden");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(this.keys.signingKey().getKeyID()).isEqualTo(kid);
	}

	@Test
	void rotatesOnceTheActiveKeyIsOlderThanRotateAfter() {
		String kid = this.keys.signingKey().getKeyID();
		assertThat(this.keys.rotate(false).rotated()).as("a fresh key is kept").isFalse();

		this.jdbc.update("update signing_key set activated_at = ? where kid = ?",
				Timestamp.from(Instant.now().minus(Duration.ofDays(31))), kid);
		SigningKeys.Rotation rotation = this.keys.rotate(false);

		assertThat(rotation.rotated()).isTrue();
		assertThat(rotation.kid()).isNotEqualTo(kid);
		assertThat(this.keys.signingKey().getKeyID()).isEqualTo(rotation.kid());
		assertThat(this.keys.rotate(false).rotated()).isFalse();
		assertThat(publishedKids()).contains(kid);
	}

	@Test
	void dropsKeysRetiredLongerThanTheyAreKept() {
		String retiring = this.keys.signingKey().getKeyID();
		this.keys.rotate(true);
		assertThat(publishedKids()).contains(retiring);

		this.jdbc.update("update signing_key set retired_at = ? where kid = ?",
				Timestamp.from(Instant.now().minus(Duration.ofHours(8).plusMinutes(1))), retiring);

		assertThat(publishedKids()).doesNotContain(retiring);
		this.keys.rotate(false);
		assertThat(this.jdbc.queryForObject("select count(*) from signing_key where kid = ?", Integer.class, retiring))
			.isZero();
	}

	@Test
	void storesPrivateKeysEncrypted() {
		String kid = this.keys.signingKey().getKeyID();

		Map<String, Object> row = this.jdbc.queryForMap(
				"select private_key, private_key_encryption, private_key_salt from signing_key where kid = ?", kid);

		assertThat(row).containsEntry("private_key_encryption", "AES_GCM");
		assertThat((String) row.get("private_key_salt")).matches("[0-9a-f]{16}");
		assertThat((String) row.get("private_key")).matches("[0-9a-f]+").doesNotStartWith("MII");
	}

	@Test
	void signsWithTheSameKeyAfterARestartOnTheSameDatabase() {
		String before = automationToken();
		String kid = kid(before);

		try (ConfigurableApplicationContext restarted = start(KEY_PASSWORD)) {
			String restartedUrl = "http://127.0.0.1:" + restarted.getEnvironment().getProperty("local.server.port");
			assertThat(restarted.getBean(SigningKeys.class).signingKey().getKeyID()).isEqualTo(kid);
			HttpResponse<String> response = AuthClient.clientCredentials(new Http(restartedUrl),
					"cartwright-automation", AUTOMATION_SECRET, null);
			String after = (String) Http.json(response).get("access_token");
			assertThat(AuthClient.verify(restartedUrl, after).getHeaders()).containsEntry("kid", kid);
			assertThat(AuthClient.verify(restartedUrl, before).getSubject()).isEqualTo("cartwright-automation");
		}
	}

	@Test
	void refusesToStartWithoutTheKeyPassword() {
		assertThatThrownBy(() -> start("").close()).hasStackTraceContaining("AUTH_KEY_PASSWORD is not set");
	}

	@Test
	void refusesToStartWithAnotherKeyPassword() {
		this.keys.signingKey();

		assertThatThrownBy(() -> start("not the password the keys were stored with").close())
			.hasStackTraceContaining("AUTH_KEY_PASSWORD is not the password it was stored with");
	}

	private ConfigurableApplicationContext start(String keyPassword) {
		return SecondInstance.start(this.dataSource, keyPassword);
	}

}
