package io.cartwright.benchmarks.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cartwright.benchmarks.measure.IdleStreams;
import io.cartwright.benchmarks.measure.LoadResult;
import io.cartwright.benchmarks.measure.ProcessSampler;

/**
 * Writes a run's figures: the generated part of {@code benchmarks/RESULTS.md} (between
 * markers, so the hand-written history of changes below it stays), the summary table in
 * the README (between its markers), and a bar chart as SVG.
 */
public final class ReportWriter {

	static final String START = "<!-- results:start -->";

	static final String END = "<!-- results:end -->";

	private final RunReport report;

	/**
	 * A writer of one run's figures.
	 * @param report the run
	 */
	public ReportWriter(RunReport report) {
		this.report = report;
	}

	/**
	 * Refreshes RESULTS.md, the README and the chart.
	 * @param results {@code benchmarks/RESULTS.md}
	 * @param readme the README
	 * @param chart {@code benchmarks/results-chart.svg}
	 */
	public void write(Path results, Path readme, Path chart) {
		replaceBetweenMarkers(results, details());
		replaceBetweenMarkers(readme, summary());
		write(chart, new ThroughputChart(this.report).svg());
	}

	/**
	 * Writes the figures of a partial run ({@code --only}) to a file of their own.
	 * @param results the file, replaced
	 */
	public void writeAlone(Path results) {
		write(results, "# Benchmark results of a partial run\n\n" + details());
	}

	/**
	 * The README's part: the targets table with the baselines, and how to reproduce.
	 * @return markdown
	 */
	String summary() {
		StringBuilder md = new StringBuilder();
		md.append("Last run: ")
			.append(date())
			.append(", ")
			.append(this.report.machine.getOrDefault("machine", ""))
			.append(", ")
			.append(this.report.machine.getOrDefault("JDK", ""))
			.append(". Every figure with its baseline in [benchmarks/RESULTS.md](benchmarks/RESULTS.md).\n\n");
		targets(md);
		md.append('\n');
		baselines(md);
		return md.toString();
	}

	/**
	 * RESULTS.md's generated part.
	 * @return markdown
	 */
	String details() {
		StringBuilder md = new StringBuilder();
		md.append("## Latest run: ").append(date()).append("\n\n");
		md.append("| | |\n|---|---|\n");
		this.report.machine
			.forEach((name, value) -> md.append("| ").append(name).append(" | ").append(value).append(" |\n"));
		md.append("| data | ").append(this.report.seeded).append(" |\n\n");
		md.append("![Throughput by scenario](results-chart.svg)\n\n");
		md.append("### Targets\n\n");
		targets(md);
		md.append("\n### Baselines (same run, same generators)\n\n");
		baselines(md);
		md.append("\n### Scenarios\n\n");
		md.append("Ratios compare a load's requests per second with the same generator's against the static ")
			.append("response (the machine's ceiling for that generator).\n\n");
		for (RunReport.Scenario scenario : this.report.scenarios) {
			scenario(md, scenario);
		}
		checkouts(md);
		startup(md);
		streams(md);
		return md.toString();
	}

	private void targets(StringBuilder md) {
		md.append("| scenario | target | measured | × baselines (same tool, same run) | met |\n");
		md.append("|---|---|---|---|---|\n");
		for (RunReport.Target target : this.report.targets) {
			md.append("| ")
				.append(target.scenario())
				.append(" | ")
				.append(target.target())
				.append(" | ")
				.append(target.measured())
				.append(" | ")
				.append(target.versusBaselines())
				.append(" | ")
				.append(target.met() ? "yes" : "**no**")
				.append(" |\n");
		}
	}

	private void baselines(StringBuilder md) {
		md.append("| baseline | req/s | p50 ms | p99 ms | errors |\n|---|---|---|---|---|\n");
		this.report.baselines.forEach((key, result) -> md.append("| ")
			.append(key)
			.append(" | ")
			.append(number(result.perSecond()))
			.append(" | ")
			.append(millis(result.p50()))
			.append(" | ")
			.append(millis(result.p99()))
			.append(" | ")
			.append(result.errors())
			.append(" |\n"));
	}

	private void scenario(StringBuilder md, RunReport.Scenario scenario) {
		md.append("#### ").append(scenario.name()).append("\n\n");
		md.append("| load | tool | requests | req/s | × static | p50 ms | p95 ms | p99 ms | max ms | errors |\n");
		md.append("|---|---|---|---|---|---|---|---|---|---|\n");
		for (LoadResult load : scenario.loads()) {
			LoadResult baseline = this.report.baseline(load.tool() + " static response");
			md.append("| ")
				.append(load.name())
				.append(" | ")
				.append(load.tool())
				.append(" | ")
				.append(load.requests())
				.append(" | ")
				.append(number(load.perSecond()))
				.append(" | ")
				.append((baseline != null) ? "%.2f".formatted(load.throughputRatio(baseline)) : "")
				.append(" | ")
				.append(millis(load.p50()))
				.append(" | ")
				.append(millis(load.p95()))
				.append(" | ")
				.append(millis(load.p99()))
				.append(" | ")
				.append(millis(load.max()))
				.append(" | ")
				.append(load.errors())
				.append(" |\n");
		}
		if (!scenario.usage().isEmpty()) {
			md.append("\n| process | CPU (% of one core) | max RSS MiB |\n|---|---|---|\n");
			for (Map.Entry<String, ProcessSampler.Usage> usage : scenario.usage().entrySet()) {
				md.append("| ")
					.append(usage.getKey())
					.append(" | ")
					.append("%.0f".formatted(usage.getValue().cpuPercent()))
					.append(" | ")
					.append(usage.getValue().maxRssMb())
					.append(" |\n");
			}
		}
		if (!scenario.reports().isEmpty()) {
			md.append("\nGatling reports (kept on the machine that ran): ");
			md.append(String.join(", ", scenario.reports().stream().map((r) -> "`" + r + "`").toList()));
			md.append('\n');
		}
		md.append('\n');
	}

	private void checkouts(StringBuilder md) {
		if (this.report.checkouts.isEmpty()) {
			return;
		}
		md.append("### Checkout correctness\n\n");
		md.append("Checked from order-service's and catalog-service's databases once every order was final.\n\n");
		md.append("| load | accepted | stored | confirmed | refused | lost | not final | duplicated | oversold SKUs")
			.append(" | confirmed/s sustained | place→CONFIRMED p50 / p95 / p99 / max ms | verdict |\n");
		md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (RunReport.Checkout checkout : this.report.checkouts) {
			var f = checkout.findings();
			md.append("| %s | %d | %d | %d | %d | %d | %d | %d | %d | %s (offered %s) | %s / %s / %s / %s | %s |\n"
				.formatted(checkout.name(), f.accepted(), f.stored(), f.confirmed(), f.rejected(), f.lost(),
						f.notTerminal(), f.duplicated(), f.oversoldSkus(),
						number(f.confirmedPerSecond(checkout.sustainFrom(), checkout.sustainSeconds())),
						number(checkout.offeredRate()), millis(f.percentile(50)), millis(f.percentile(95)),
						millis(f.percentile(99)), millis(f.percentile(100)), f.passed() ? "correct" : "**WRONG**"));
		}
		for (RunReport.Checkout checkout : this.report.checkouts) {
			for (String problem : checkout.findings().problems()) {
				md.append("\n- ").append(checkout.name()).append(": ").append(problem);
			}
		}
		md.append("\n\n");
	}

	private void startup(StringBuilder md) {
		md.append("### Start-up\n\n");
		md.append("`./cartwright`'s start, every start after the first one after a build (that one makes the")
			.append(" AOT caches): infrastructure, then config-server, then the other five JVMs together on 2 cores.")
			.append(" Whole platform: **")
			.append("%.1f s".formatted(this.report.platformStartedIn.toMillis() / 1000.0))
			.append("**.\n\n| service | ready after, all starting together (s) | ready after a restart on its own (s) |\n|---|---|---|\n");
		this.report.readyAfter.forEach((name, took) -> md.append("| ")
			.append(name)
			.append(" | ")
			.append("%.1f".formatted(took.toMillis() / 1000.0))
			.append(" | ")
			.append(this.report.restartedAlone.containsKey(name)
					? "%.1f".formatted(this.report.restartedAlone.get(name).toMillis() / 1000.0) : "")
			.append(" |\n"));
		md.append('\n');
	}

	private void streams(StringBuilder md) {
		IdleStreams.Outcome streams = this.report.streams;
		if (streams == null) {
			return;
		}
		md.append("### Idle live order status streams\n\n");
		md.append(
				"%d streams of `/api/customers/me/orders/events` requested through the gateway, %d opened, %d still open after %d s, %d heart-beats received.\n\n"
					.formatted(streams.requested(), streams.opened(), streams.openAtEnd(), streams.held().toSeconds(),
							streams.heartbeats()));
		md.append(
				"| process | threads before → with | heap after GC MiB before → with → closed | heap KiB per stream | RSS MiB before → with |\n");
		md.append("|---|---|---|---|---|\n");
		for (Map.Entry<String, IdleStreams.Footprint> entry : streams.footprints().entrySet()) {
			IdleStreams.Footprint f = entry.getValue();
			md.append("| %s | %d → %d | %.0f → %.0f → %.0f | %.0f | %d → %d |\n".formatted(entry.getKey(),
					f.threadsBefore(), f.threadsWith(), f.heapBeforeMb(), f.heapWithMb(), f.heapClosedMb(),
					f.heapPerStreamKib(streams.opened()), f.rssBeforeMb(), f.rssWithMb()));
		}
		md.append('\n');
	}

	private String date() {
		return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
			.withZone(ZoneOffset.UTC)
			.format(this.report.startedAt);
	}

	/**
	 * A whole number with thousands separators.
	 * @param value the number
	 * @return such as {@code 4,210}
	 */
	public static String number(double value) {
		return String.format(Locale.ROOT, "%,.0f", value);
	}

	/**
	 * Milliseconds, with a decimal below 10.
	 * @param value the milliseconds
	 * @return such as {@code 3.2} or {@code 41}
	 */
	public static String millis(double value) {
		return (value < 10) ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.0f", value);
	}

	private static void replaceBetweenMarkers(Path file, String content) {
		try {
			String text = Files.exists(file) ? Files.readString(file) : START + "\n" + END + "\n";
			int start = text.indexOf(START);
			int end = text.indexOf(END);
			if (start < 0 || end < start) {
				throw new IllegalStateException(file + " lacks the markers " + START + " and " + END);
			}
			Files.writeString(file, text.substring(0, start + START.length()) + "\n" + content + text.substring(end));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path file, String content) {
		try {
			Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
