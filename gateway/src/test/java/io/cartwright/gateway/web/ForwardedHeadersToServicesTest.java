package io.cartwright.gateway.web;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class ForwardedHeadersToServicesTest {

	static final EdgeProperties TRUSTING_THE_INGRESS = new EdgeProperties("10\\.0\\.0\\.\\d+", DataSize.ofMegabytes(1));

	final ForwardedHeadersToServices filter = new ForwardedHeadersToServices(TRUSTING_THE_INGRESS);

	@Test
	void describesTheGatewayAsTheCallerSawItToAnUntrustedCaller() {
		MockServerWebExchange exchange = routed(MockServerHttpRequest.get("http://shop.example:8080/api/auth/login")
			.remoteAddress(new InetSocketAddress("198.51.100.7", 40000))
			.header("X-Forwarded-Host", "evil.example")
			.header("X-Forwarded-Prefix", "/evil"), "http://auth-server:9000/login");

		HttpHeaders forwarded = this.filter.filter(exchange.getRequest().getHeaders(), exchange);

		assertThat(forwarded.getFirst("X-Forwarded-Host")).isEqualTo("shop.example:8080");
		assertThat(forwarded.getFirst("X-Forwarded-Proto")).isEqualTo("http");
		assertThat(forwarded.getFirst("X-Forwarded-Port")).isEqualTo("8080");
		assertThat(forwarded.getFirst("X-Forwarded-Prefix")).isEqualTo("/api/auth");
		assertThat(forwarded.get("X-Forwarded-For")).containsExactly("198.51.100.7");
	}

	@Test
	void passesOnWhatATrustedIngressSaysAboutTheOriginalRequest() {
		MockServerWebExchange exchange = routed(MockServerHttpRequest.get("http://gateway:8080/api/auth/login")
			.remoteAddress(new InetSocketAddress("10.0.0.5", 40000))
			.header("X-Forwarded-Host", "shop.example.com")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Port", "443")
			.header("X-Forwarded-For", "203.0.113.1"), "http://auth-server:9000/login");

		HttpHeaders forwarded = this.filter.filter(exchange.getRequest().getHeaders(), exchange);

		assertThat(forwarded.getFirst("X-Forwarded-Host")).isEqualTo("shop.example.com");
		assertThat(forwarded.getFirst("X-Forwarded-Proto")).isEqualTo("https");
		assertThat(forwarded.getFirst("X-Forwarded-Port")).isEqualTo("443");
		assertThat(forwarded.getFirst("X-Forwarded-Prefix")).isEqualTo("/api/auth");
		assertThat(forwarded.getFirst("X-Forwarded-For")).isEqualTo("203.0.113.1, 10.0.0.5");
	}

	@Test
	void namesNoPrefixForARewrittenPath() {
		MockServerWebExchange exchange = routed(MockServerHttpRequest.get("http://localhost:8080/health/catalog"),
				"http://catalog:8081/actuator/health");

		HttpHeaders forwarded = this.filter.filter(exchange.getRequest().getHeaders(), exchange);

		assertThat(forwarded.containsHeader("X-Forwarded-Prefix")).isFalse();
	}

	@Test
	void namesTheWholePathAsPrefixOfARouteToTheRoot() {
		MockServerWebExchange exchange = routed(MockServerHttpRequest.get("http://localhost:8080/api/auth"),
				"http://auth-server:9000/");

		assertThat(ForwardedHeadersToServices.strippedPrefix(exchange)).isEqualTo("/api/auth");
	}

	private static MockServerWebExchange routed(MockServerHttpRequest.BaseBuilder<?> request, String downstream) {
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		exchange.getAttributes()
			.put(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR,
					new LinkedHashSet<>(List.of(exchange.getRequest().getURI())));
		exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, URI.create(downstream));
		return exchange;
	}

}
