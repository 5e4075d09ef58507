package io.cartwright.benchmarks.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.cartwright.benchmarks.measure.LoadResult;
import io.cartwright.benchmarks.measure.ProcessSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWriterTest {

	@TempDir
	Path dir;

	@Test
	void rewritesOnlyTheGeneratedPartsAndDrawsTheChart() throws Exception {
		RunReport report = new RunReport();
		report.machine("machine", "2 cores");
		report.startup(Duration.ofSeconds(42), Map.of("catalog-service", Duration.ofMillis(27500)));
		report.restartedAlone("catalog-service", Duration.ofMillis(7500));
		report.baseline("wrk static response", new LoadResult("static response", "wrk", 100, 20_000, 0, 1, 2, 3, 4));
		report.scenario(new RunReport.Scenario("1. Product pages",
				List.of(new LoadResult("product by id, gateway", "wrk", 100, 5_000, 0, 2, 5, 12, 40)),
				Map.of("gateway", new ProcessSampler.Usage(95, 310)), List.of()));
		report.target(new RunReport.Target("product by id", "≥ 4,000 req/s", "5,000 req/s",
				report.versusBaselines("wrk", 5_000), true));
		report.target(new RunReport.Target("start-up", "≤ 8 s", "9.1 s", false));
		Path results = Files.writeString(this.dir.resolve("RESULTS.md"),
				"# Results\n<!-- results:start -->\nold figures\n<!-- results:end -->\n## Changes\nhand-written\n");
		Path readme = Files.writeString(this.dir.resolve("README.md"),
				"# Readme\n## Benchmarks\n<!-- results:start -->\n<!-- results:end -->\nHow to run\n");
		Path chart = this.dir.resolve("chart.svg");

		new ReportWriter(report).write(results, readme, chart);

		String written = Files.readString(results);
		assertThat(written).doesNotContain("old figures").contains("hand-written").startsWith("# Results");
		assertThat(written).contains("| product by id, gateway | wrk | 100 | 5,000 | 0.25 | 2.0 | 5.0 | 12 | 40 | 0 |");
		assertThat(written).contains("| gateway | 95 | 310 |")
			.contains("**42.0 s**")
			.contains("| catalog-service | 27.5 | 7.5 |");
		assertThat(written).contains("| start-up | ≤ 8 s | 9.1 s |  | **no** |");
		assertThat(Files.readString(readme))
			.contains("| product by id | ≥ 4,000 req/s | 5,000 req/s | 0.25 × static | yes |")
			.contains("How to run");
		assertThat(Files.readString(chart)).startsWith("<svg").contains("5,000/s, p99 12 ms");
	}

}
