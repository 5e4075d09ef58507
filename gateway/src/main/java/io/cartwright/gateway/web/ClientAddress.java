package io.cartwright.gateway.web;

import java.net.InetSocketAddress;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.StringUtils;

/**
 * The address of whoever sent a request: the TCP peer, unless the peer is a trusted
 * proxy, in which case the last address in {@code X-Forwarded-For} that is not itself a
 * trusted proxy. A caller cannot pick its own address by sending {@code X-Forwarded-For}.
 */
public final class ClientAddress {

	private ClientAddress() {
	}

	/**
	 * Resolves the caller's address.
	 * @param request the request
	 * @param edge which proxies are trusted
	 * @return the address as text, {@code unknown} if the server does not know the peer
	 */
	public static String of(ServerHttpRequest request, EdgeProperties edge) {
		InetSocketAddress remote = request.getRemoteAddress();
		if (remote == null) {
			return "unknown";
		}
		String address = (remote.getAddress() != null) ? remote.getAddress().getHostAddress() : remote.getHostString();
		if (!edge.isTrustedProxy(address)) {
			return address;
		}
		String forwarded = request.getHeaders().getFirst("X-Forwarded-For");
		if (!StringUtils.hasText(forwarded)) {
			return address;
		}
		String[] hops = forwarded.split(",");
		for (int i = hops.length - 1; i >= 0; i--) {
			String hop = hops[i].strip();
			if (!hop.isEmpty() && !edge.isTrustedProxy(hop)) {
				return hop;
			}
		}
		return hops[0].strip();
	}

}
