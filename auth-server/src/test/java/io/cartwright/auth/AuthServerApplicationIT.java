package io.cartwright.auth;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class AuthServerApplicationIT extends AuthServerIntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void publishesTheConfiguredIssuerAndItsEndpointsUnderIt() {
		Http http = new Http(baseUrl());
		Map<String, Object> discovery = http.getJson("/.well-known/openid-configuration");
		assertThat(discovery).containsEntry("issuer", ISSUER)
			.containsEntry("authorization_endpoint", ISSUER + "/oauth2/authorize")
			.containsEntry("token_endpoint", ISSUER + "/oauth2/token")
			.containsEntry("jwks_uri", ISSUER + "/oauth2/jwks")
			.containsEntry("userinfo_endpoint", ISSUER + "/userinfo")
			.containsEntry("end_session_endpoint", ISSUER + "/connect/logout")
			.doesNotContainKey("dpop_signing_alg_values_supported");
		assertThat(http.getJson("/.well-known/oauth-authorization-server")).containsEntry("issuer", ISSUER)
			.containsEntry("revocation_endpoint", ISSUER + "/oauth2/revoke")
			.containsEntry("introspection_endpoint", ISSUER + "/oauth2/introspect")
			.doesNotContainKey("dpop_signing_alg_values_supported");
	}

	@Test
	void reportsReadyOnceItsDatabaseIsUp() {
		Http http = new Http(baseUrl());
		assertThat(http.getJson("/actuator/health/readiness")).containsEntry("status", "UP");
		assertThat(http.getJson("/actuator/health/liveness")).containsEntry("status", "UP");
		assertThat(http.get("/actuator/prometheus").body()).contains("application=\"auth-server\"");
	}

	@Test
	void appliesItsMigrationsToTheIdentitySchema() {
		assertThat(this.jdbc.queryForObject("select database()", String.class)).isEqualTo("identity");
		List<String> tables = this.jdbc.queryForList("select table_name from information_schema.tables "
				+ "where table_schema = 'identity' order by table_name", String.class);
		assertThat(tables).contains("account", "oauth2_registered_client", "oauth2_authorization", "signing_key",
				"login_throttle", "SPRING_SESSION", "SPRING_SESSION_ATTRIBUTES");
	}

}
