package io.cartwright.auth.client;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The registered clients ({@code cartwright.auth.clients.<client-id>.*}), written to the
 * {@code oauth2_registered_client} table at start.
 *
 * @param clients the clients by client id
 */
@ConfigurationProperties("cartwright.auth")
@Validated
public record ClientProperties(@DefaultValue Map<String, @Valid Client> clients) {

	/**
	 * One client.
	 *
	 * @param name a name for people
	 * @param authentication {@code none} for a public client (a storefront, a script:
	 * PKCE instead of a secret) or {@code client_secret_basic} for a confidential one
	 * @param secret the confidential client's secret, from the environment; without it
	 * the client is not registered (and removed if it was)
	 * @param grantTypes {@code authorization_code}, {@code refresh_token},
	 * {@code client_credentials}
	 * @param redirectUris where the authorization endpoint may send the user back (exact
	 * match; a loopback IP address matches with any port)
	 * @param scopes the scopes the client may ask for
	 * @param roles the {@code roles} claim of its client-credentials tokens
	 */
	public record Client(@NotEmpty String name,
			@NotNull @Pattern(regexp = "none|client_secret_basic|client_secret_post") String authentication,
			String secret, @NotEmpty List<String> grantTypes, @DefaultValue List<String> redirectUris,
			@DefaultValue List<String> scopes, @DefaultValue List<String> roles) {

		boolean isPublic() {
			return "none".equals(this.authentication);
		}

		boolean hasSecret() {
			return this.secret != null && !this.secret.isBlank();
		}

	}

}
