package io.cartwright.infra.test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signed JWTs for tests, as the auth-server would issue them: the customer or staff id as
 * {@code sub}, the roles in the {@code roles} claim, RS256. Under
 * {@link EmbeddedInfrastructure} the service's JWT decoder trusts the test key (and only
 * it), so the tokens go through the real signature, expiry and issuer checks.
 */
public final class TestTokens {

	/** The issuer of every test token; the test decoder requires it. */
	public static final String ISSUER = "https://auth.test.cartwright";

	private static final KeyPair KEYS = rsaKeyPair();

	private static final KeyPair OTHER_KEYS = rsaKeyPair();

	private TestTokens() {
	}

	/**
	 * A valid token of a customer.
	 * @param customerId the customer's id, the token's subject
	 * @return the encoded token
	 */
	public static String customer(String customerId) {
		return token(customerId, Duration.ofMinutes(5), "CUSTOMER");
	}

	/**
	 * A valid token of a staff member.
	 * @param staffId the staff member's id, the token's subject
	 * @return the encoded token
	 */
	public static String staff(String staffId) {
		return token(staffId, Duration.ofMinutes(5), "STAFF");
	}

	/**
	 * A token that expired a while ago.
	 * @param subject the subject
	 * @param roles the roles
	 * @return the encoded token
	 */
	public static String expired(String subject, String... roles) {
		return encode(KEYS, subject, Instant.now().minus(Duration.ofHours(2)), Duration.ofMinutes(5), roles);
	}

	/**
	 * A well-formed token signed with a key the service does not trust.
	 * @param subject the subject
	 * @param roles the roles
	 * @return the encoded token
	 */
	public static String signedByAnotherKey(String subject, String... roles) {
		return encode(OTHER_KEYS, subject, Instant.now(), Duration.ofMinutes(5), roles);
	}

	/**
	 * A valid token.
	 * @param subject the subject
	 * @param lifetime how long it stays valid
	 * @param roles the roles
	 * @return the encoded token
	 */
	public static String token(String subject, Duration lifetime, String... roles) {
		return encode(KEYS, subject, Instant.now(), lifetime, roles);
	}

	/**
	 * A valid client-credentials token of a service: the client id as subject, no roles,
	 * the scopes in the standard space-separated {@code scope} claim.
	 * @param clientId the client id, the token's subject
	 * @param scopes the granted scopes, for example {@code cart.internal}
	 * @return the encoded token
	 */
	public static String client(String clientId, String... scopes) {
		return encode(KEYS, clientId, Instant.now(), Duration.ofMinutes(5), Map.of("scope", String.join(" ", scopes)));
	}

	/**
	 * The public key the test decoder verifies signatures with.
	 * @return the key
	 */
	public static RSAPublicKey publicKey() {
		return (RSAPublicKey) KEYS.getPublic();
	}

	/**
	 * The public key as a JWK set, as an issuer serves it at its JWK set URI: lets
	 * services running as processes (end-to-end tests) trust the test tokens through
	 * their normal configuration ({@code AUTH_JWK_SET_URI}).
	 * @return the JSON of the JWK set
	 */
	public static String jwkSetJson() {
		return new JWKSet(new RSAKey.Builder(publicKey()).keyID(keyId(KEYS)).build()).toString();
	}

	private static String keyId(KeyPair keys) {
		return "test-" + keys.getPublic().hashCode();
	}

	private static String encode(KeyPair keys, String subject, Instant issuedAt, Duration lifetime, String... roles) {
		return encode(keys, subject, issuedAt, lifetime, Map.of("roles", List.of(roles)));
	}

	private static String encode(KeyPair keys, String subject, Instant issuedAt, Duration lifetime,
			Map<String, Object> claims) {
		RSAKey jwk = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey(keys.getPrivate())
			.keyID(keyId(keys))
			.build();
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
		JwtClaimsSet set = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(subject)
			.issuedAt(issuedAt)
			.expiresAt(issuedAt.plus(lifetime))
			.claims((all) -> all.putAll(claims))
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(jwk.getKeyID()).build();
		return encoder.encode(JwtEncoderParameters.from(header, set)).getTokenValue();
	}

	private static KeyPair rsaKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
