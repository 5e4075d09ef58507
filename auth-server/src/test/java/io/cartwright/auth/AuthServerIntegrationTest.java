package io.cartwright.auth;

import io.cartwright.infra.test.EmbeddedInfrastructure;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one application context of most integration tests: auth-server on the embedded
 * MariaDB, with the configuration of config-repo, the confidential clients' secrets, a
 * staff account, the demo customer and a key password set as the environment would set
 * them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "AUTH_KEY_PASSWORD=" + AuthServerIntegrationTest.KEY_PASSWORD,
				"ORDER_CLIENT_SECRET=" + AuthServerIntegrationTest.ORDER_SECRET,
				"AUTOMATION_CLIENT_SECRET=" + AuthServerIntegrationTest.AUTOMATION_SECRET,
				"AUTH_STAFF_EMAIL=" + AuthServerIntegrationTest.STAFF_EMAIL,
				"AUTH_STAFF_PASSWORD=" + AuthServerIntegrationTest.STAFF_PASSWORD,
				// What the local profile sets from AUTH_DEMO_PASSWORD.
				"cartwright.auth.demo.email=demo@cartwright.local",
				"cartwright.auth.demo.password=" + AuthServerIntegrationTest.DEMO_PASSWORD })
@EmbeddedInfrastructure
public abstract class AuthServerIntegrationTest {

	/** The issuer config-repo names when AUTH_ISSUER_URI is not set. */
	public static final String ISSUER = "http://localhost:8080/api/auth";

	protected static final String KEY_PASSWORD = "test-only-key-password-0123456789";

	protected static final String ORDER_SECRET = "test-only-order-secret";

	protected static final String AUTOMATION_SECRET = "test-only-automation-secret";

	protected static final String STAFF_EMAIL = "Boss@Cartwright.Test";

	protected static final String STAFF_PASSWORD = "staff-password-for-tests";

	protected static final String DEMO_PASSWORD = "demo-password-for-tests";

	@Value("${local.server.port}")
	protected int port;

	protected String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

}
