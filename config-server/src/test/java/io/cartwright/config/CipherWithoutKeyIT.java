package io.cartwright.config;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.cloud.config.environment.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no {@code ENCRYPT_KEY} the server still starts and serves, even a repository that
 * holds {@code {cipher}} values: those it cannot decrypt it serves as
 * {@code invalid.<key>: <n/a>}, never as ciphertext a client might take for the value.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "CONFIG_REPO_LOCATION=classpath:/cipher-repo/" })
@AutoConfigureRestTestClient
class CipherWithoutKeyIT {

	@Autowired
	private RestTestClient client;

	@Test
	void startsAndServesPlainValuesButNoCipherValue() {
		Environment environment = this.client.get()
			.uri("/cipher-fixture/default")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Environment.class)
			.returnResult()
			.getResponseBody();

		ServedConfig config = ServedConfig.of(environment, "cipher-fixture");
		assertThat(config.raw("fixture.greeting")).isEqualTo("hello");
		assertThat(config.raw("fixture.db-password")).isNull();
		assertThat(config.raw("invalid.fixture.db-password")).isEqualTo("<n/a>");
	}

	@Test
	void answersEncryptWithAProblemInsteadOfAServerError() {
		this.client.post()
			.uri("/encrypt")
			.body("new-secret")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("No encryption key");
	}

}
