package io.cartwright.auth;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.config.client.ConfigClientFailFastException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigServerFailFastTest {

	private static final String NAME = "auth-server";

	@Test
	void refusesToStartWhenConfigServerIsUnreachable() throws IOException {
		String unreachable = "http://127.0.0.1:" + closedPort();
		assertThatThrownBy(() -> new SpringApplicationBuilder(AuthServerApplication.class)
			.properties("CONFIG_SERVER_URL=" + unreachable)
			.run()).isInstanceOf(ConfigClientFailFastException.class)
			.hasMessageContaining("Could not locate PropertySource")
			.hasStackTraceContaining("I/O error on GET request for \"" + unreachable + "/" + NAME + "/default\"")
			.hasStackTraceContaining("Connection refused");
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
