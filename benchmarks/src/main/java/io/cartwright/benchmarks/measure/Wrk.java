package io.cartwright.benchmarks.measure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * wrk (Debian's package), for pure read throughput where a JVM load generator's own CPU
 * would hide the server's. Requests go to random paths of a file, through
 * {@code wrk/paths.lua}, which prints the figures as JSON.
 */
public final class Wrk {

	private static final String MARKER = "WRK_RESULT ";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Path script;

	private final Path logs;

	/**
	 * A wrk runner.
	 * @param workDir where the script is unpacked and the output is kept
	 */
	public Wrk(Path workDir) {
		try {
			Files.createDirectories(workDir);
			this.script = workDir.resolve("paths.lua");
			try (InputStream in = Wrk.class.getResourceAsStream("/wrk/paths.lua")) {
				Files.copy(in, this.script, StandardCopyOption.REPLACE_EXISTING);
			}
			this.logs = workDir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether wrk is installed.
	 * @return true when {@code wrk} is on the PATH
	 */
	public static boolean installed() {
		return Optional.ofNullable(System.getenv("PATH"))
			.map((path) -> List.of(path.split(":")))
			.orElse(List.of())
			.stream()
			.anyMatch((dir) -> Files.isExecutable(Path.of(dir, "wrk")));
	}

	/**
	 * Runs a load and reads its figures.
	 * @param name what is measured
	 * @param baseUrl scheme, host and port
	 * @param paths a file of paths, one per line
	 * @param connections open connections
	 * @param duration how long
	 * @return the figures
	 */
	public LoadResult run(String name, String baseUrl, Path paths, int connections, Duration duration) {
		Path output = this.logs.resolve(name.replaceAll("[^A-Za-z0-9]+", "-") + ".txt");
		try {
			Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + duration.toSeconds() + "s",
					"--timeout", "5s", "-s", this.script.toString(), baseUrl, "--", paths.toString())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (wrk.waitFor() != 0) {
				throw new IllegalStateException("wrk failed: " + Files.readString(output));
			}
			String line = Files.readAllLines(output)
				.stream()
				.filter((text) -> text.startsWith(MARKER))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No figures in wrk's output " + output));
			return parse(name, line.substring(MARKER.length()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	static LoadResult parse(String name, String figures) {
		JsonNode result = json.readTree(figures);
		long requests = result.get("requests").asLong();
		double seconds = result.get("durationMicros").asLong() / 1e6;
		long errors = result.get("connectErrors").asLong() + result.get("readErrors").asLong()
				+ result.get("writeErrors").asLong() + result.get("statusErrors").asLong()
				+ result.get("timeouts").asLong();
		return new LoadResult(name, "wrk", requests, requests / seconds, errors, millis(result, "p50Micros"),
				millis(result, "p95Micros"), millis(result, "p99Micros"), millis(result, "maxMicros"));
	}

	private static double millis(JsonNode result, String field) {
		return result.get(field).asLong() / 1000.0;
	}

}
