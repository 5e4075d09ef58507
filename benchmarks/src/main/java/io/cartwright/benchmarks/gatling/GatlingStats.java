package io.cartwright.benchmarks.gatling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statistics of one Gatling run, read from its report's {@code index.html}. Gatling
 * 3.15 writes no {@code js/stats.json} (older versions did): the numbers are only in the
 * report's statistics and errors tables, which this reads by their columns' headers. The
 * percentile columns are the ones {@code gatling.conf} asks for: 50, 95, 99 and 99.9.
 *
 * @param global all requests together
 * @param requests each request name, in the report's order
 * @param errors why requests failed, most frequent first
 */
public record GatlingStats(RequestStats global, List<RequestStats> requests, List<ErrorStats> errors) {

	/** The report's file the statistics come from. */
	public static final String REPORT = "index.html";

	private static final Pattern HEADER = Pattern
		.compile("<th id=\"col-(\\d+)\"[^>]*>\\s*<span>(?:<abbr[^>]*>)?([^<]+)(?:</abbr>)?</span>");

	private static final Pattern ROW = Pattern.compile("<tr id=\"([^\"]+)\"[^>]*>(.*?)</tr>", Pattern.DOTALL);

	private static final Pattern NAME = Pattern.compile("class=\"ellipsed-name\">([^<]*)</span>");

	private static final Pattern CELL = Pattern.compile("<td class=\"value [^\"]*\\bcol-(\\d+)\">([^<]*)</td>");

	private static final Pattern ERROR = Pattern
		.compile("<td class=\"error-col-1[^\"]*\">(.*?)<span class=\"value\"[^>]*>[^<]*</span></td>\\s*"
				+ "<td class=\"value error-col-2[^\"]*\">([^<]*)</td>", Pattern.DOTALL);

	private static final String GLOBAL_ROW = "ROOT";

	public GatlingStats {
		requests = List.copyOf(requests);
		errors = List.copyOf(errors);
	}

	/**
	 * Reads the statistics of a report.
	 * @param reportDirectory the run's report directory
	 * @return its statistics
	 * @throws IOException when the report cannot be read or is not as expected
	 */
	public static GatlingStats read(Path reportDirectory) throws IOException {
		Path report = reportDirectory.resolve(REPORT);
		return parse(Files.readString(report, StandardCharsets.UTF_8), report.toString());
	}

	static GatlingStats parse(String html, String source) throws IOException {
		Columns columns = Columns.of(html, source);
		RequestStats global = null;
		List<RequestStats> requests = new ArrayList<>();
		Matcher row = ROW.matcher(html);
		while (row.find()) {
			Matcher name = NAME.matcher(row.group(2));
			if (!name.find()) {
				continue;
			}
			Map<Integer, String> cells = new HashMap<>();
			Matcher cell = CELL.matcher(row.group(2));
			while (cell.find()) {
				cells.put(Integer.parseInt(cell.group(1)), cell.group(2).strip());
			}
			RequestStats stats = columns.stats(unescape(name.group(1).strip()), cells);
			if (GLOBAL_ROW.equals(row.group(1))) {
				global = stats;
			}
			else {
				requests.add(stats);
			}
		}
		if (global == null) {
			throw new IOException("No statistics table in " + source);
		}
		List<ErrorStats> errors = new ArrayList<>();
		Matcher error = ERROR.matcher(html);
		while (error.find()) {
			errors.add(new ErrorStats(unescape(error.group(1).strip()), (long) number(error.group(2))));
		}
		return new GatlingStats(global, requests, errors);
	}

	/**
	 * A request's statistics by its name.
	 * @param name the request's name
	 * @return its statistics, empty when no request of that name was sent
	 */
	public Optional<RequestStats> request(String name) {
		return this.requests.stream().filter((request) -> request.name().equals(name)).findFirst();
	}

	/**
	 * How many requests failed with an error that starts with the given text.
	 * @param prefix the error's start, e.g. a named check's name
	 * @return the number of such failures
	 */
	public long errors(String prefix) {
		return this.errors.stream()
			.filter((error) -> error.message().startsWith(prefix))
			.mapToLong(ErrorStats::count)
			.sum();
	}

	private static double number(String text) {
		String value = text.strip().replace(",", "").replace("%", "");
		return (value.isEmpty() || "-".equals(value)) ? 0 : Double.parseDouble(value);
	}

	private static String unescape(String text) {
		return text.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&#x27;", "'")
			.replace("&nbsp;", " ")
			.replace("&amp;", "&");
	}

	/** Where each number is in the statistics table, found by its header. */
	private record Columns(int total, int ok, int ko, int rps, int min, int p50, int p95, int p99, int p999, int max,
			int mean) {

		static Columns of(String html, String source) throws IOException {
			Map<String, Integer> byHeader = new HashMap<>();
			Matcher header = HEADER.matcher(html);
			while (header.find()) {
				byHeader.putIfAbsent(unescape(header.group(2).strip()), Integer.parseInt(header.group(1)));
			}
			String[] names = { "Total", "OK", "KO", "Cnt/s", "Min", "50th pct", "95th pct", "99th pct", "99.9th pct",
					"Max", "Mean" };
			int[] at = new int[names.length];
			for (int i = 0; i < names.length; i++) {
				Integer column = byHeader.get(names[i]);
				if (column == null) {
					throw new IOException("No column '" + names[i] + "' in the statistics table of " + source
							+ " (columns: " + byHeader.keySet() + "); are the percentiles of gatling.conf in use?");
				}
				at[i] = column;
			}
			return new Columns(at[0], at[1], at[2], at[3], at[4], at[5], at[6], at[7], at[8], at[9], at[10]);
		}

		RequestStats stats(String name, Map<Integer, String> cells) {
			return new RequestStats(name, (long) value(cells, this.total), (long) value(cells, this.ok),
					(long) value(cells, this.ko), value(cells, this.rps), (int) value(cells, this.min),
					(int) value(cells, this.p50), (int) value(cells, this.p95), (int) value(cells, this.p99),
					(int) value(cells, this.p999), (int) value(cells, this.max), (int) value(cells, this.mean));
		}

		private static double value(Map<Integer, String> cells, int column) {
			return number(cells.getOrDefault(column, "-"));
		}

	}

}
