package io.cartwright.catalog.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionsTest {

	@Test
	void acceptsThePlainVersionAndAFingerprintedTagOfTheSameVersion() {
		String fingerprinted = Versions.etag(3, List.of("SKU-1=4"));
		assertThat(fingerprinted).startsWith("\"3.").endsWith("\"");
		assertThatNoException().isThrownBy(() -> Versions.requireMatch("product", "\"3\"", 3));
		assertThatNoException().isThrownBy(() -> Versions.requireMatch("product", fingerprinted, 3));
		assertThatNoException().isThrownBy(() -> Versions.requireMatch("product", "\"1\", W/\"3\"", 3));
		assertThatNoException().isThrownBy(() -> Versions.requireMatch("product", null, 3));
	}

	@Test
	void refusesAnotherVersion() {
		assertThatThrownBy(() -> Versions.requireMatch("product", Versions.etag(2, List.of()), 3))
			.isInstanceOf(PreconditionFailedException.class);
		assertThatThrownBy(() -> Versions.requireMatch("product", "\"33\"", 3))
			.isInstanceOf(PreconditionFailedException.class);
		assertThatThrownBy(() -> Versions.requireMatch("product", "\"3x\"", 3))
			.isInstanceOf(PreconditionFailedException.class);
	}

}
