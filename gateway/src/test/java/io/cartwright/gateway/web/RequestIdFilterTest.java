package io.cartwright.gateway.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdFilterTest {

	@Test
	void keepsAShortIdOfSafeCharacters() {
		assertThat(RequestIdFilter.requestId("a1B2-c3_d4.e5:f6")).isEqualTo("a1B2-c3_d4.e5:f6");
	}

	@Test
	void replacesAMissingLongOrUnsafeIdWithAUuid() {
		for (String offered : new String[] { null, "", "x".repeat(129), "a b", "a\r\nSet-Cookie: x=y", "é" }) {
			assertThat(RequestIdFilter.requestId(offered)).as(String.valueOf(offered))
				.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
		}
	}

}
