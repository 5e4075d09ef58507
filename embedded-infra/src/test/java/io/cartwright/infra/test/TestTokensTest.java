package io.cartwright.infra.test;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.BadJwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestTokensTest {

	private final JwtDecoder decoder = TestJwtDecoders.servlet();

	@Test
	void aCustomerTokenCarriesTheSubjectAndTheRole() {
		Jwt jwt = this.decoder.decode(TestTokens.customer("customer-42"));
		assertThat(jwt.getSubject()).isEqualTo("customer-42");
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("CUSTOMER");
		assertThat(jwt.getIssuer()).hasToString(TestTokens.ISSUER);
	}

	@Test
	void aStaffTokenCarriesTheStaffRoleAndTheReactiveDecoderAcceptsItToo() {
		String token = TestTokens.staff("staff-1");
		assertThat(this.decoder.decode(token).getClaimAsStringList("roles")).containsExactly("STAFF");
		assertThat(TestJwtDecoders.reactive().decode(token).block().getSubject()).isEqualTo("staff-1");
	}

	@Test
	void aClientTokenCarriesItsScopesAndNoRoles() {
		Jwt jwt = this.decoder.decode(TestTokens.client("order-service", "cart.internal", "orders.write"));
		assertThat(jwt.getSubject()).isEqualTo("order-service");
		assertThat(jwt.getClaimAsString("scope")).isEqualTo("cart.internal orders.write");
		assertThat(jwt.hasClaim("roles")).isFalse();
	}

	@Test
	void rejectsAnExpiredToken() {
		assertThatThrownBy(() -> this.decoder.decode(TestTokens.expired("customer-42", "CUSTOMER")))
			.isInstanceOf(JwtValidationException.class)
			.hasMessageContaining("expired");
	}

	@Test
	void rejectsATokenSignedByAnotherKey() {
		assertThatThrownBy(() -> this.decoder.decode(TestTokens.signedByAnotherKey("customer-42", "STAFF")))
			.isInstanceOf(BadJwtException.class);
	}

	@Test
	void publishesItsKeyAsAJwkSetThatVerifiesItsTokens() throws Exception {
		com.nimbusds.jose.jwk.JWKSet set = com.nimbusds.jose.jwk.JWKSet.parse(TestTokens.jwkSetJson());
		java.security.interfaces.RSAPublicKey key = set.getKeys().getFirst().toRSAKey().toRSAPublicKey();
		JwtDecoder fromJwks = org.springframework.security.oauth2.jwt.NimbusJwtDecoder.withPublicKey(key).build();
		assertThat(fromJwks.decode(TestTokens.customer("c-7")).getSubject()).isEqualTo("c-7");
		assertThat(set.getKeys().getFirst().getKeyID()).isNotBlank();
		assertThat(set.getKeys().getFirst().isPrivate()).isFalse();
	}

}
