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
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * Takes a refresh-token request that carries a {@code client_id} but no client
 * credentials as the request of a public client (client authentication {@code none}).
 * Spring Authorization Server authenticates a public client only by PKCE, on the
 * authorization code exchange; {@link PublicClientRefreshTokenAuthenticationProvider}
 * checks that the client really is public.
 */
public final class PublicClientRefreshTokenAuthenticationConverter implements AuthenticationConverter {

	@Override
	public Authentication convert(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod())
				|| !AuthorizationGrantType.REFRESH_TOKEN.getValue()
					.equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))
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

	/** A public client asking for a refresh, before and after it is checked. */
	static final class PublicClientRefreshTokenAuthentication extends OAuth2ClientAuthenticationToken {

		PublicClientRefreshTokenAuthentication(String clientId) {
			super(clientId, ClientAuthenticationMethod.NONE, null, null);
		}

	}

}
