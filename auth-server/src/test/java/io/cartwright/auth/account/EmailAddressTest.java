package io.cartwright.auth.account;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressTest {

	@ParameterizedTest
	@ValueSource(strings = { "ada@example.com", " Ada@Example.COM ", "ADA@EXAMPLE.COM\t" })
	void normalizesBlanksAndCaseAway(String typed) {
		assertThat(EmailAddress.normalize(typed)).isEqualTo("ada@example.com");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ada@example.com", "ada.lovelace+shop@mail.example.co.uk", "o'brien@example.ie" })
	void acceptsAddresses(String email) {
		assertThat(EmailAddress.isValid(email)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "ada", "ada@", "@example.com", "ada@example", "a b@example.com", "ada@@example.com",
			"ada@exa mple.com" })
	void refusesWhatIsNoAddress(String email) {
		assertThat(EmailAddress.isValid(email)).isFalse();
	}

	@org.junit.jupiter.api.Test
	void refusesAddressesLongerThanSmtpCarries() {
		String local = "a".repeat(64);
		assertThat(EmailAddress.isValid(local + "@" + "b".repeat(185) + ".com")).isTrue();
		assertThat(EmailAddress.isValid(local + "@" + "b".repeat(186) + ".com")).isFalse();
		assertThat(EmailAddress.isValid("a".repeat(65) + "@example.com")).isFalse();
	}

}
