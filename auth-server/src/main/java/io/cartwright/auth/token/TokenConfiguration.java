package io.cartwright.auth.token;

import java.time.Clock;

import com.nimbusds.jose.jwk.JWKSet;
import io.cartwright.auth.key.SigningKeys;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * How tokens are made: JWTs signed with the active key only, the claims of
 * {@link TokenClaims}, and opaque refresh tokens for public clients too
 * ({@link RefreshTokenGenerator}).
 * <p>
 * Declaring the generator replaces Spring Authorization Server's default one, and with it
 * its {@code cnf} claim for DPoP- and mTLS-bound tokens: neither is offered here (ADR
 * 0015).
 */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

	@Bean
	JwtEncoder jwtEncoder(SigningKeys keys) {
		return new NimbusJwtEncoder((selector, context) -> selector.select(new JWKSet(keys.signingKey())));
	}

	@Bean
	OAuth2TokenGenerator<?> tokenGenerator(JwtEncoder encoder, TokenClaims claims, Clock clock) {
		JwtGenerator jwts = new JwtGenerator(encoder);
		jwts.setJwtCustomizer(claims);
		return new DelegatingOAuth2TokenGenerator(jwts, new RefreshTokenGenerator(clock));
	}

}
