package io.cartwright.benchmarks.gatling;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import io.cartwright.benchmarks.simulations.BaselineSimulation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the real {@link BaselineSimulation} through {@link GatlingRun} against a small
 * HTTP server on the loopback interface.
 */
class GatlingRunTest {

	private static final byte[] BODY = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);

	private final AtomicLong served = new AtomicLong();

	private HttpServer server;

	private ExecutorService executor;

	@TempDir
	Path directory;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/status", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, BODY.length);
			try (OutputStream body = exchange.getResponseBody()) {
				body.write(BODY);
			}
			this.served.incrementAndGet();
		});
		this.executor = Executors.newFixedThreadPool(4);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	@Test
	void runsTheBaselineSimulationAndReadsItsStatistics() throws Exception {
		String url = "http://127.0.0.1:" + this.server.getAddress().getPort() + "/status";
		Path log = this.directory.resolve("gatling.log");
		GatlingRun run = new GatlingRun(BaselineSimulation.class.getName(), "unit test",
				Map.of("bench.url", url, "bench.users", "4", "bench.duration", "3"),
				System.getProperty("java.class.path"), this.directory.resolve("results"), log, "256m",
				Duration.ofSeconds(90));

		GatlingRun.Result result = run.run();

		assertThat(result.exitCode()).as(() -> logOf(log)).isZero();
		assertThat(result.reportDirectory().resolve("index.html")).isRegularFile();
		GatlingStats stats = result.stats();
		assertThat(stats.global().count()).isPositive().isLessThanOrEqualTo(this.served.get());
		assertThat(stats.global().ko()).isZero();
		assertThat(stats.global().ok()).isEqualTo(stats.global().count());
		assertThat(stats.global().rps()).isPositive();
		assertThat(stats.requests()).singleElement().satisfies((baseline) -> {
			assertThat(baseline.name()).isEqualTo("baseline");
			assertThat(baseline.count()).isEqualTo(stats.global().count());
			assertThat(baseline.p50()).isLessThanOrEqualTo(baseline.p95());
			assertThat(baseline.p95()).isLessThanOrEqualTo(baseline.p99());
			assertThat(baseline.p99()).isLessThanOrEqualTo(baseline.p999());
			assertThat(baseline.p999()).isLessThanOrEqualTo(baseline.max());
		});
	}

	private static String logOf(Path log) {
		try {
			return Files.readString(log);
		}
		catch (IOException ex) {
			return "(no log: " + ex + ")";
		}
	}

}
