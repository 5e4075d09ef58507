package io.cartwright.auth.token;

import java.util.ArrayList;
import java.util.List;

import io.cartwright.auth.account.Account;
import io.cartwright.auth.account.Accounts;
import io.cartwright.auth.client.ClientRoles;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * What tokens say besides the standard claims.
 * <ul>
 * <li>A user's access token: {@code sub} is the account id (the principal's name),
 * {@code roles} is {@code ["CUSTOMER"]} or {@code ["STAFF"]}, plus {@code email} and
 * {@code name}. They are read from the account at every issue, a refresh included, so a
 * changed role or name shows in the next token.</li>
 * <li>A client-credentials token: {@code sub} is the client id, {@code roles} those of
 * the client's configuration.</li>
 * <li>An ID token: {@code email} (with {@code email_verified}: not yet) for the
 * {@code email} scope and {@code name} for {@code profile}; {@code /userinfo} answers
 * with the same claims.</li>
 * </ul>
 */
@Component
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	/**
	 * The roles claim. Its value is an {@code ArrayList}: claims are stored with the
	 * authorization and read back by Jackson, which accepts only allow-listed types
	 * ({@code List.of}'s classes are not).
	 */
	static final String ROLES = "roles";

	private final Accounts accounts;

	TokenClaims(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
				List<String> roles = ClientRoles.of(context.getRegisteredClient());
				if (!roles.isEmpty()) {
					context.getClaims().claim(ROLES, new ArrayList<>(roles));
				}
				return;
			}
			Account account = account(context);
			context.getClaims()
				.claim(ROLES, new ArrayList<>(List.of(account.role().name())))
				.claim("email", account.email())
				.claim("name", account.name());
		}
		else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			Account account = account(context);
			if (context.getAuthorizedScopes().contains(OidcScopes.EMAIL)) {
				context.getClaims().claim("email", account.email()).claim("email_verified", false);
			}
			if (context.getAuthorizedScopes().contains(OidcScopes.PROFILE)) {
				context.getClaims().claim("name", account.name());
			}
		}
	}

	private Account account(JwtEncodingContext context) {
		return this.accounts.findById(context.getPrincipal().getName())
			.orElseThrow(() -> new OAuth2AuthenticationException(
					new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "The account no longer exists.", null)));
	}

}
