package io.cartwright.auth.client;

import java.util.Arrays;
import java.util.List;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * The {@code roles} claim of a client's client-credentials tokens, kept in its client
 * settings (comma-separated under {@value #SETTING}).
 */
public final class ClientRoles {

	static final String SETTING = "cartwright.roles";

	private ClientRoles() {
	}

	/**
	 * The roles of a client.
	 * @param client the registered client
	 * @return its roles, possibly none
	 */
	public static List<String> of(RegisteredClient client) {
		Object roles = client.getClientSettings().getSetting(SETTING);
		if (!(roles instanceof String value) || value.isBlank()) {
			return List.of();
		}
		return Arrays.stream(value.split(",")).map(String::strip).filter((role) -> !role.isEmpty()).toList();
	}

}
