package io.cartwright.auth.key;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /admin/keys/rotate} (a token with the {@code STAFF} role): makes a new
 * signing key at once, for example after a suspected leak. Tokens signed with the old key
 * keep verifying until they expire, since it stays published for
 * {@code retired-keys-kept}.
 */
@RestController
class KeyRotationController {

	private static final Logger log = LoggerFactory.getLogger(KeyRotationController.class);

	private final SigningKeys keys;

	KeyRotationController(SigningKeys keys) {
		this.keys = keys;
	}

	@PostMapping("/admin/keys/rotate")
	ActiveKey rotate(@AuthenticationPrincipal Jwt token) {
		SigningKeys.Rotation rotation = this.keys.rotate(true);
		log.info("Signing key rotated on demand by {}: {} is active", token.getSubject(), rotation.kid());
		return new ActiveKey(rotation.kid(), rotation.activatedAt());
	}

	/**
	 * The key that signs from now on.
	 *
	 * @param kid its id, the {@code kid} header of new tokens
	 * @param activatedAt since when it signs
	 */
	record ActiveKey(String kid, Instant activatedAt) {
	}

}
