package io.cartwright.auth.key;

import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.stereotype.Component;

/**
 * The public keys tokens are verified with, as the authorization server's
 * {@code JWKSource}: what {@code /oauth2/jwks} publishes and what auth-server's own
 * endpoints ({@code /userinfo}, {@code /admin/**}) check tokens against. Signing goes
 * through the {@code JwtEncoder}, which sees the active private key only.
 */
@Component
class PublishedKeys implements JWKSource<SecurityContext> {

	private final SigningKeys keys;

	PublishedKeys(SigningKeys keys) {
		this.keys = keys;
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) {
		return selector.select(new JWKSet(this.keys.published()));
	}

}
