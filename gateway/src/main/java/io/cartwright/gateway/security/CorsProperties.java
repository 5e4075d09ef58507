package io.cartwright.gateway.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which storefronts may call the API from a browser.
 *
 * @param allowedOrigins the storefront origins, such as {@code https://shop.example.com}
 * @param allowCredentials whether browsers may send cookies along (bearer tokens need no
 * cookies)
 * @param maxAge how long a browser may cache a preflight answer
 */
@ConfigurationProperties("cartwright.gateway.cors")
record CorsProperties(List<String> allowedOrigins, boolean allowCredentials, Duration maxAge) {

	CorsProperties {
		allowedOrigins = (allowedOrigins != null) ? List.copyOf(allowedOrigins) : List.of();
		maxAge = (maxAge != null) ? maxAge : Duration.ofHours(1);
	}

}
