package io.cartwright.gateway.web;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {

	static final EdgeProperties TRUSTING_NOBODY = new EdgeProperties("", DataSize.ofMegabytes(1));

	static final EdgeProperties TRUSTING_THE_INGRESS = new EdgeProperties("10\\.0\\.0\\.\\d+", DataSize.ofMegabytes(1));

	@Test
	void isThePeerWhenNoProxyIsTrusted() {
		MockServerHttpRequest request = from("198.51.100.7").header("X-Forwarded-For", "203.0.113.1").build();
		assertThat(ClientAddress.of(request, TRUSTING_NOBODY)).isEqualTo("198.51.100.7");
	}

	@Test
	void isTheLastAddressBeforeTheTrustedProxies() {
		MockServerHttpRequest request = from("10.0.0.5")
			.header("X-Forwarded-For", "203.0.113.66, 198.51.100.7, 10.0.0.9")
			.build();
		assertThat(ClientAddress.of(request, TRUSTING_THE_INGRESS)).as("what the caller itself wrote is not believed")
			.isEqualTo("198.51.100.7");
	}

	@Test
	void isATrustedProxyItselfWhenItForwardsNobody() {
		assertThat(ClientAddress.of(from("10.0.0.5").build(), TRUSTING_THE_INGRESS)).isEqualTo("10.0.0.5");
	}

	@Test
	void isThePeerWhenThePeerIsNotTheTrustedProxy() {
		MockServerHttpRequest request = from("198.51.100.7").header("X-Forwarded-For", "203.0.113.1").build();
		assertThat(ClientAddress.of(request, TRUSTING_THE_INGRESS)).isEqualTo("198.51.100.7");
	}

	private static MockServerHttpRequest.BaseBuilder<?> from(String address) {
		return MockServerHttpRequest.get("/api/catalog/products").remoteAddress(new InetSocketAddress(address, 40000));
	}

}
