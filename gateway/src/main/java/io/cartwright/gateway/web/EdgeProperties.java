package io.cartwright.gateway.web;

import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * What the gateway accepts from a caller and whom it believes.
 *
 * @param trustedProxies a regular expression matching the addresses of proxies in front
 * of the gateway (an ingress controller, a load balancer) whose {@code X-Forwarded-*}
 * headers are believed; empty trusts nobody, and the caller is the TCP peer
 * @param maxRequestSize the largest request body the gateway forwards; a larger one is
 * refused with 413
 */
@ConfigurationProperties("cartwright.gateway")
public record EdgeProperties(String trustedProxies, DataSize maxRequestSize) {

	public EdgeProperties {
		trustedProxies = (trustedProxies != null) ? trustedProxies.strip() : "";
		maxRequestSize = (maxRequestSize != null) ? maxRequestSize : DataSize.ofMegabytes(1);
	}

	/**
	 * Whether an address belongs to a trusted proxy.
	 * @param address the address as text
	 * @return whether its forwarded headers may be believed
	 */
	public boolean isTrustedProxy(String address) {
		return StringUtils.hasText(this.trustedProxies) && address != null
				&& Pattern.matches(this.trustedProxies, address);
	}

}
