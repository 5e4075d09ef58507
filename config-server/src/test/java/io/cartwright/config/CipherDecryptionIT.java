package io.cartwright.config;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.cloud.config.environment.Environment;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code {cipher}} values are decrypted before they are served when {@code encrypt.key}
 * (the {@code ENCRYPT_KEY} environment variable) is set. The key and the fixture in
 * {@code src/test/resources/cipher-repo/} are for this test only.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "CONFIG_REPO_LOCATION=classpath:/cipher-repo/",
				"encrypt.key=cartwright-test-only-key" })
@AutoConfigureRestTestClient
class CipherDecryptionIT {

	@Autowired
	private RestTestClient client;

	@Test
	void servesCipherValuesDecrypted() {
		ServedConfig config = fetch();

		assertThat(config.raw("fixture.db-password")).isEqualTo("fixture-db-password");
		assertThat(config.raw("fixture.api-secret")).isEqualTo("fixture-api-secret");
		assertThat(config.raw("fixture.greeting")).isEqualTo("hello");
	}

	@Test
	void encryptsWithTheSameKeyForOperators() {
		String cipher = this.client.post()
			.uri("/encrypt")
			.body("new-secret")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		this.client.post()
			.uri("/decrypt")
			.body(cipher)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("new-secret");
	}

	private ServedConfig fetch() {
		Environment environment = this.client.get()
			.uri("/cipher-fixture/default")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Environment.class)
			.returnResult()
			.getResponseBody();
		assertThat(environment).isNotNull();
		return ServedConfig.of(environment, "cipher-fixture");
	}

}
