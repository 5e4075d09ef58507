package io.cartwright.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.cartwright.benchmarks.measure.LoadResult;

/**
 * A horizontal bar chart, as SVG, of every load's requests per second, the baselines
 * first: one picture that shows where the platform stands against the machine's ceiling.
 */
final class ThroughputChart {

	private static final int LABEL_WIDTH = 330;

	private static final int BAR_WIDTH = 420;

	private static final int ROW = 22;

	private final List<LoadResult> bars = new ArrayList<>();

	ThroughputChart(RunReport report) {
		this.bars.addAll(report.baselines.values().stream().map((b) -> rename(b, "baseline: " + b.name())).toList());
		report.scenarios.forEach((scenario) -> this.bars.addAll(scenario.loads()));
	}

	String svg() {
		double max = this.bars.stream().mapToDouble(LoadResult::perSecond).max().orElse(1);
		int height = 40 + this.bars.size() * ROW;
		StringBuilder svg = new StringBuilder();
		svg.append(
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n"
					.formatted(LABEL_WIDTH + BAR_WIDTH + 140, height));
		svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
		svg.append(
				"<text x=\"10\" y=\"20\" font-weight=\"bold\">Requests per second (wrk and Gatling, same machine)</text>\n");
		for (int n = 0; n < this.bars.size(); n++) {
			LoadResult bar = this.bars.get(n);
			int y = 32 + n * ROW;
			int width = (int) Math.max(1, BAR_WIDTH * bar.perSecond() / max);
			String colour = bar.name().startsWith("baseline") ? "#9e9e9e" : "#1f77b4";
			svg.append("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s (%s)</text>\n".formatted(LABEL_WIDTH - 6, y + 14,
					escape(bar.name()), bar.tool()));
			svg.append("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>\n".formatted(LABEL_WIDTH,
					y + 2, width, ROW - 6, colour));
			svg.append("<text x=\"%d\" y=\"%d\">%s/s, p99 %s ms</text>\n".formatted(LABEL_WIDTH + width + 6, y + 14,
					String.format(Locale.ROOT, "%,.0f", bar.perSecond()), ReportWriter.millis(bar.p99())));
		}
		svg.append("</svg>\n");
		return svg.toString();
	}

	private static LoadResult rename(LoadResult result, String name) {
		return new LoadResult(name, result.tool(), result.requests(), result.perSecond(), result.errors(), result.p50(),
				result.p95(), result.p99(), result.max());
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
