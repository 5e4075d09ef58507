package io.cartwright.benchmarks.measure;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FindingsTest {

	private final CheckoutAudit.Findings findings = new CheckoutAudit.Findings(10, 10, 10, 0, 0, 0, 0, 0,
			List.of(100.0, 120.0, 150.0, 200.0, 900.0), List.of(0, 2, 4, 4, 0), List.of());

	@Test
	void percentilesAreTakenFromTheSortedLatencies() {
		assertThat(this.findings.percentile(50)).isEqualTo(150.0);
		assertThat(this.findings.percentile(99)).isEqualTo(900.0);
		assertThat(this.findings.percentile(100)).isEqualTo(900.0);
	}

	@Test
	void confirmationsPerSecondAreAveragedOverTheWindow() {
		assertThat(this.findings.confirmedPerSecond(1, 3)).isEqualTo(10.0 / 3);
		assertThat(this.findings.confirmedPerSecond(3, 10)).isEqualTo(0.4);
	}

	@Test
	void anyProblemFailsTheRun() {
		assertThat(this.findings.passed()).isTrue();
		assertThat(new CheckoutAudit.Findings(1, 0, 0, 0, 1, 0, 0, 0, List.of(), List.of(),
				List.of("1 accepted orders are not stored"))
			.passed()).isFalse();
	}

}
