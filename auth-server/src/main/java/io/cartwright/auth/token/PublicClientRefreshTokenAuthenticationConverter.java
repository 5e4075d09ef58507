package io.cartwright.auth.token;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * Takes a refresh-token request, or a revocation request, that carries a
 * {@code client_id} but no client credentials as the request of a public client (client
 * authentication {@code none}). Spring Authorization Server authenticates a public client
 * only by PKCE, on the authorization code exchange: without this a storefront could
 * neither refresh nor revoke its refresh token at sign-out (RFC 7009 lets public clients
 * revoke with their client id). Introspection stays for confidential clients.
 * {@link PublicClientRefreshTokenAuthenticationProvider} checks that the client really is
 * public; Spring Authorization Server then checks that the token was issued to it.
 */
public final class PublicClientRefreshTokenAuthenticationConverter implements AuthenticationConverter {

	@Override
	public Authentication convert(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod()) || !(isRefresh(request) || isRevocation(request))
				|| request.getHeader(HttpHeaders.AUTHORIZATION) != null
				|| request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
				|| request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null) {
			return null;
		}
		String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
		if (clientIds == null || clientIds.length != 1 || !StringUtils.hasText(clientIds[0])) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_REQUEST);
		}
		return new PublicClientRefreshTokenAuthentication(clientIds[0]);
	}

	private static boolean isRefresh(HttpServletRequest request) {
		return AuthorizationGrantType.REFRESH_TOKEN.getValue()
			.equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE));
	}

	private static boolean isRevocation(HttpServletRequest request) {
		String revocation = AuthorizationServerContextHolder.getContext()
			.getAuthorizationServerSettings()
			.getTokenRevocationEndpoint();
		return revocation.equals(request.getRequestURI().substring(request.getContextPath().length()));
	}

	/** A public client refreshing or revoking a token, before it is checked. */
	static final class PublicClientRefreshTokenAuthentication extends OAuth2ClientAuthenticationToken {

		PublicClientRefreshTokenAuthentication(String clientId) {
			super(clientId, ClientAuthenticationMethod.NONE, null, null);
		}

	}

}
