package io.cartwright.auth.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

	@Test
	void acceptsTwelveCharactersUpToSeventyTwoBytes() {
		assertThat(PasswordPolicy.violations("twelve chars")).isEmpty();
		assertThat(PasswordPolicy.violations("x".repeat(72))).isEmpty();
	}

	@Test
	void countsCharactersNotBytesForTheMinimum() {
		assertThat(PasswordPolicy.violations("ü".repeat(11))).containsExactly("must be at least 12 characters long");
		assertThat(PasswordPolicy.violations("ü".repeat(12))).isEmpty();
	}

	@Test
	void countsUtf8BytesForTheMaximumThatBcryptReads() {
		assertThat(PasswordPolicy.violations("x".repeat(73))).containsExactly("must be at most 72 bytes long in UTF-8");
		assertThat(PasswordPolicy.violations("😀".repeat(19)))
			.containsExactly("must be at most 72 bytes long in UTF-8");
		assertThat(PasswordPolicy.violations("😀".repeat(18))).isEmpty();
	}

	@Test
	void refusesNoPasswordAtAll() {
		assertThat(PasswordPolicy.violations(null)).isNotEmpty();
	}

}
