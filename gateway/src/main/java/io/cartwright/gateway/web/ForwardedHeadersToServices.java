package io.cartwright.gateway.web;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells a service how the caller addressed the gateway: {@code X-Forwarded-Host},
 * {@code -Proto}, {@code -Port}, {@code -For} and the {@code -Prefix} a route stripped
 * ({@code /api/auth} for auth-server, whose redirects and login form must point back
 * under it).
 * <p>
 * Gateway 5 adds these headers only when {@code trusted-proxies} is set, and then only
 * for callers that match it; for anyone else it removes them. This filter runs after that
 * removal and writes them afresh. Values a caller sent are believed only when the caller
 * is a trusted proxy ({@code cartwright.gateway.trusted-proxies}); anyone else could
 * otherwise name any host, and auth-server would put it in its redirects.
 */
@Component
class ForwardedHeadersToServices implements HttpHeadersFilter, Ordered {

	static final String FOR = "X-Forwarded-For";

	static final String HOST = "X-Forwarded-Host";

	static final String PROTO = "X-Forwarded-Proto";

	static final String PORT = "X-Forwarded-Port";

	static final String PREFIX = "X-Forwarded-Prefix";

	private final EdgeProperties edge;

	ForwardedHeadersToServices(EdgeProperties edge) {
		this.edge = edge;
	}

	@Override
	public int getOrder() {
		// After Gateway's own X-Forwarded filters (order 0), which remove what we set
		// here.
		return 10;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		HttpHeaders received = request.getHeaders();
		HttpHeaders output = new HttpHeaders();
		input.forEach((name, values) -> {
			if (!name.toLowerCase(Locale.ROOT).startsWith("x-forwarded-")) {
				output.addAll(name, values);
			}
		});
		String peer = peerAddress(request);
		boolean trusted = this.edge.isTrustedProxy(peer);
		URI uri = request.getURI();
		String proto = uri.getScheme();
		int port = (uri.getPort() >= 0) ? uri.getPort() : ("https".equals(proto) ? 443 : 80);
		String host = (uri.getPort() < 0 || (port == 80 && "http".equals(proto))
				|| (port == 443 && "https".equals(proto))) ? uri.getHost() : uri.getHost() + ":" + port;

		String forwardedFor = trusted ? joined(received.getFirst(FOR), peer) : peer;
		set(output, FOR, forwardedFor);
		set(output, PROTO, firstOr(trusted, received.getFirst(PROTO), proto));
		set(output, HOST, firstOr(trusted, received.getFirst(HOST), host));
		set(output, PORT, firstOr(trusted, received.getFirst(PORT), String.valueOf(port)));
		String prefix = strippedPrefix(exchange);
		String outerPrefix = trusted ? received.getFirst(PREFIX) : null;
		if (StringUtils.hasText(outerPrefix) || prefix != null) {
			set(output, PREFIX, trimTrailingSlash(nullToEmpty(outerPrefix)) + nullToEmpty(prefix));
		}
		return output;
	}

	/**
	 * The part of the path a route removed: the request's path at the gateway minus the
	 * path it is forwarded to, when the latter ends the former ({@code /api/auth/login} →
	 * {@code /login} gives {@code /api/auth}). A rewritten path, such as a health
	 * route's, has no prefix.
	 */
	static String strippedPrefix(ServerWebExchange exchange) {
		Set<URI> originals = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
		URI routed = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
		if (originals == null || originals.isEmpty() || routed == null) {
			return null;
		}
		String original = trimTrailingSlash(originals.iterator().next().getRawPath());
		String downstream = trimTrailingSlash(routed.getRawPath());
		if (downstream.isEmpty()) {
			return original.isEmpty() ? null : original;
		}
		if (original.length() <= downstream.length() || !original.endsWith(downstream)) {
			return null;
		}
		return original.substring(0, original.length() - downstream.length());
	}

	private static String peerAddress(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		if (remote == null) {
			return null;
		}
		return (remote.getAddress() != null) ? remote.getAddress().getHostAddress() : remote.getHostString();
	}

	private static String firstOr(boolean trusted, String received, String own) {
		if (trusted && StringUtils.hasText(received)) {
			return received.split(",")[0].strip();
		}
		return own;
	}

	private static String joined(String received, String peer) {
		if (!StringUtils.hasText(received)) {
			return peer;
		}
		return (peer != null) ? received + ", " + peer : received;
	}

	private static void set(HttpHeaders headers, String name, String value) {
		if (StringUtils.hasText(value)) {
			headers.set(name, value);
		}
	}

	private static String trimTrailingSlash(String path) {
		return (path.endsWith("/")) ? path.substring(0, path.length() - 1) : path;
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

}
