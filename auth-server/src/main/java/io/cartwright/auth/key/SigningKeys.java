package io.cartwright.auth.key;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSAlgorithm;
import io.cartwright.auth.audit.AuditTrail;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RSA keys that sign tokens, kept in the {@code signing_key} table so that they
 * survive restarts and are shared by every instance.
 * <ul>
 * <li>The newest active key signs ({@link #signingKey()}); its private key is decrypted
 * once per key and process.</li>
 * <li>The JWK set publishes the active key and the keys retired within
 * {@code retired-keys-kept} ({@link #published()}), so that a token signed just before a
 * rotation still verifies.</li>
 * <li>{@link #rotate} makes a new key and retires the others, under a row lock so that
 * instances checking at the same time rotate once; keys retired longer than
 * {@code retired-keys-kept} are deleted then.</li>
 * </ul>
 * Every call reads the table (one small indexed query), so a rotation by one instance is
 * used by all of them at once.
 */
@Component
public class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private static final String COLUMNS = "kid, public_key, private_key, private_key_encryption, private_key_salt, "
			+ "created_at, activated_at, retired_at";

	private final JdbcClient jdbc;

	private final PrivateKeyCipher cipher;

	private final KeyProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final AuditTrail audit;

	private final Map<String, RSAKey> decrypted = new ConcurrentHashMap<>();

	SigningKeys(JdbcClient jdbc, PrivateKeyCipher cipher, KeyProperties properties, TransactionTemplate transactions,
			Clock clock, AuditTrail audit) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
		this.audit = audit;
	}

	/**
	 * The key that signs tokens now, with its private key: the newest active one, made
	 * first if there is none.
	 * @return the key
	 */
	public RSAKey signingKey() {
		StoredKey key = active().orElseGet(() -> {
			rotate(false);
			return active().orElseThrow();
		});
		return this.decrypted.computeIfAbsent(key.kid(), (kid) -> key.withPrivateKey(this.cipher));
	}

	/**
	 * The keys a token may be verified with: the active key and those retired within
	 * {@code retired-keys-kept}, public parts only, newest first.
	 * @return the keys
	 */
	public List<JWK> published() {
		Instant oldest = this.clock.instant().minus(this.properties.retiredKeysKept());
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM signing_key WHERE retired_at IS NULL OR retired_at > :oldest "
					+ "ORDER BY activated_at DESC")
			.param("oldest", Timestamp.from(oldest))
			.query(SigningKeys::map)
			.list()
			.stream()
			.<JWK>map(StoredKey::publicJwk)
			.toList();
	}

	/**
	 * Replaces the active key with a new one if it is older than {@code rotate-after}, or
	 * always when forced; then deletes the keys retired longer than
	 * {@code retired-keys-kept}. Safe with several instances: the check and the change
	 * run under a lock on the one row of {@code signing_key_lock}.
	 * @param force whether to rotate whatever the active key's age
	 * @return the key that signs from now on
	 */
	public Rotation rotate(boolean force) {
		Rotation rotation = this.transactions.execute((status) -> {
			this.jdbc.sql("SELECT id FROM signing_key_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
			Instant now = this.clock.instant();
			Optional<StoredKey> active = active();
			this.jdbc.sql("DELETE FROM signing_key WHERE retired_at < :oldest")
				.param("oldest", Timestamp.from(now.minus(this.properties.retiredKeysKept())))
				.update();
			if (!force && active.isPresent()
					&& active.get().activatedAt().isAfter(now.minus(this.properties.rotateAfter()))) {
				return new Rotation(active.get().kid(), active.get().activatedAt(), false);
			}
			StoredKey created = generate(now);
			insert(created);
			this.jdbc.sql("UPDATE signing_key SET retired_at = :now WHERE retired_at IS NULL AND kid <> :kid")
				.param("now", Timestamp.from(now))
				.param("kid", created.kid())
				.update();
			if (force) {
				// On demand: a staff member's action, in the audit trail with the
				// rotation.
				this.audit.record("SIGNING_KEY_ROTATED", "signing-key", created.kid(),
						active.map((key) -> Map.of("kid", key.kid())).orElse(null),
						Map.of("kid", created.kid(), "activatedAt", created.activatedAt().toString()));
			}
			return new Rotation(created.kid(), created.activatedAt(), true);
		});
		if (rotation.rotated()) {
			log.info("New token signing key {} active", rotation.kid());
		}
		return rotation;
	}

	private Optional<StoredKey> active() {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM signing_key WHERE retired_at IS NULL "
					+ "ORDER BY activated_at DESC, kid LIMIT 1")
			.query(SigningKeys::map)
			.optional();
	}

	private StoredKey generate(Instant now) {
		KeyPair pair = rsaKeyPair();
		PrivateKeyCipher.Sealed sealed = this.cipher.seal(pair.getPrivate().getEncoded());
		String publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
		return new StoredKey(UUID.randomUUID().toString(), publicKey, sealed, now, now, null);
	}

	private void insert(StoredKey key) {
		this.jdbc
			.sql("INSERT INTO signing_key (" + COLUMNS + ") VALUES (:kid, :publicKey, :privateKey, :encryption, "
					+ ":salt, :createdAt, :activatedAt, NULL)")
			.param("kid", key.kid())
			.param("publicKey", key.encodedPublicKey())
			.param("privateKey", key.privateKey().value())
			.param("encryption", key.privateKey().encryption())
			.param("salt", key.privateKey().salt())
			.param("createdAt", Timestamp.from(key.createdAt()))
			.param("activatedAt", Timestamp.from(key.activatedAt()))
			.update();
	}

	private static KeyPair rsaKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("This JVM cannot make RSA keys", ex);
		}
	}

	private static StoredKey map(ResultSet row, int rowNumber) throws SQLException {
		Timestamp retired = row.getTimestamp("retired_at");
		return new StoredKey(row.getString("kid"), row.getString("public_key"),
				new PrivateKeyCipher.Sealed(row.getString("private_key"), row.getString("private_key_encryption"),
						row.getString("private_key_salt")),
				row.getTimestamp("created_at").toInstant(), row.getTimestamp("activated_at").toInstant(),
				(retired != null) ? retired.toInstant() : null);
	}

	/**
	 * What a rotation left active.
	 *
	 * @param kid the id of the key that signs from now on
	 * @param activatedAt since when it signs
	 * @param rotated whether this call made it
	 */
	public record Rotation(String kid, Instant activatedAt, boolean rotated) {
	}

	private record StoredKey(String kid, String encodedPublicKey, PrivateKeyCipher.Sealed privateKey, Instant createdAt,
			Instant activatedAt, Instant retiredAt) {

		RSAKey publicJwk() {
			return builder().build();
		}

		RSAKey withPrivateKey(PrivateKeyCipher cipher) {
			try {
				byte[] pkcs8 = cipher.open(this.kid, this.privateKey);
				RSAPrivateKey key = (RSAPrivateKey) KeyFactory.getInstance("RSA")
					.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
				return builder().privateKey(key).build();
			}
			catch (NoSuchAlgorithmException | InvalidKeySpecException ex) {
				throw new IllegalStateException("Signing key " + this.kid + " is not a valid RSA key", ex);
			}
		}

		private RSAKey.Builder builder() {
			try {
				RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
					.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(this.encodedPublicKey)));
				return new RSAKey.Builder(key).keyID(this.kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256);
			}
			catch (NoSuchAlgorithmException | InvalidKeySpecException ex) {
				throw new IllegalStateException("Signing key " + this.kid + " is not a valid RSA key", ex);
			}
		}

	}

}
