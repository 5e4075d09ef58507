package io.cartwright.auth.client;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cartwright.auth.token.TokenLifetimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the clients of {@code cartwright.auth.clients} to the JDBC client repository at
 * start, creating or updating each by client id (secrets stored hashed), and removes the
 * clients the configuration no longer names, or names without their secret — with their
 * authorizations, so that nothing they were given stays valid.
 * <p>
 * Every client is first-party: no consent screen. Public clients must use PKCE.
 */
@Component
@Order(20)
class RegisteredClients implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(RegisteredClients.class);

	private final ClientProperties properties;

	private final TokenLifetimes lifetimes;

	private final RegisteredClientRepository repository;

	private final PasswordEncoder passwords;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	RegisteredClients(ClientProperties properties, TokenLifetimes lifetimes, RegisteredClientRepository repository,
			PasswordEncoder passwords, JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.properties = properties;
		this.lifetimes = lifetimes;
		this.repository = repository;
		this.passwords = passwords;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> registered = new ArrayList<>();
		for (Map.Entry<String, ClientProperties.Client> entry : this.properties.clients().entrySet()) {
			String clientId = entry.getKey();
			ClientProperties.Client client = entry.getValue();
			if (!client.isPublic() && !client.hasSecret()) {
				log.info("Client {} is not registered: its secret is not set", clientId);
				continue;
			}
			this.repository.save(registeredClient(clientId, client, this.repository.findByClientId(clientId)));
			registered.add(clientId);
		}
		removeAllBut(registered);
		log.info("Registered clients: {}", registered);
	}

	private RegisteredClient registeredClient(String clientId, ClientProperties.Client client,
			RegisteredClient existing) {
		RegisteredClient.Builder builder = RegisteredClient
			.withId((existing != null) ? existing.getId() : UUID.randomUUID().toString())
			.clientId(clientId)
			.clientIdIssuedAt((existing != null) ? existing.getClientIdIssuedAt() : this.clock.instant())
			.clientName(client.name())
			.clientAuthenticationMethod(new ClientAuthenticationMethod(client.authentication()))
			.authorizationGrantTypes(
					(types) -> client.grantTypes().forEach((type) -> types.add(new AuthorizationGrantType(type))))
			.redirectUris((uris) -> uris.addAll(client.redirectUris()))
			.scopes((scopes) -> scopes.addAll(client.scopes()))
			.clientSettings(ClientSettings.builder()
				.requireProofKey(client.isPublic())
				.requireAuthorizationConsent(false)
				.setting(ClientRoles.SETTING, String.join(",", client.roles()))
				.build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
				.accessTokenTimeToLive(this.lifetimes.access())
				.refreshTokenTimeToLive(this.lifetimes.refresh())
				.reuseRefreshTokens(false)
				.idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
				.build());
		if (client.hasSecret()) {
			// Keeps the stored hash while the secret is the same, so that a restart
			// changes nothing.
			boolean unchanged = existing != null && existing.getClientSecret() != null
					&& this.passwords.matches(client.secret(), existing.getClientSecret());
			builder.clientSecret(unchanged ? existing.getClientSecret() : this.passwords.encode(client.secret()));
		}
		return builder.build();
	}

	private void removeAllBut(List<String> registered) {
		List<String> stale = this.jdbc.sql("SELECT id, client_id FROM oauth2_registered_client")
			.query(StoredClient.class)
			.list()
			.stream()
			.filter((client) -> !registered.contains(client.clientId()))
			.map(StoredClient::id)
			.toList();
		for (String id : stale) {
			this.transactions.executeWithoutResult((status) -> {
				this.jdbc.sql("DELETE FROM oauth2_authorization WHERE registered_client_id = :id")
					.param("id", id)
					.update();
				this.jdbc.sql("DELETE FROM oauth2_authorization_consent WHERE registered_client_id = :id")
					.param("id", id)
					.update();
				this.jdbc.sql("DELETE FROM oauth2_registered_client WHERE id = :id").param("id", id).update();
			});
			log.info("Removed the client with id {} and its authorizations: it is no longer configured", id);
		}
	}

	private record StoredClient(String id, String clientId) {
	}

}
