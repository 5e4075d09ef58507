package io.cartwright.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service of the platform running as a child process, with its output in a log file.
 * Stopping it sends SIGTERM first, so that Spring Boot shuts down gracefully.
 */
final class ServiceProcess implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

	private static final Duration GRACE = Duration.ofSeconds(30);

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final ServiceSpec spec;

	private final Process process;

	private final Path logFile;

	private final long logStart;

	private final Instant startedAt = Instant.now();

	private volatile boolean usesAotCache;

	private ServiceProcess(ServiceSpec spec, Process process, Path logFile, long logStart) {
		this.spec = spec;
		this.process = process;
		this.logFile = logFile;
		this.logStart = logStart;
	}

	/**
	 * Starts a service's jar with the given JVM options and environment.
	 * @param spec the service
	 * @param java the {@code java} executable
	 * @param jvmOptions options placed before {@code -jar}
	 * @param jar the executable jar
	 * @param environment variables added to the launcher's own environment
	 * @param logFile where the service's standard output and error go (appended)
	 * @return the running process
	 * @throws IOException if the process cannot be started
	 */
	static ServiceProcess start(ServiceSpec spec, Path java, List<String> jvmOptions, Path jar,
			Map<String, String> environment, Path logFile) throws IOException {
		Files.createDirectories(logFile.getParent());
		long logStart = Files.exists(logFile) ? Files.size(logFile) : 0;
		List<String> command = new ArrayList<>();
		command.add(java.toString());
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(jar.toString());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
		builder.environment().putAll(environment);
		Process process = builder.start();
		log.info("Starting {} (pid {}) on port {}", spec.name(), process.pid(), spec.port());
		return new ServiceProcess(spec, process, logFile, logStart);
	}

	ServiceSpec spec() {
		return this.spec;
	}

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/** Whether the JVM was given an AOT cache. */
	boolean usesAotCache() {
		return this.usesAotCache;
	}

	void usesAotCache(boolean usesAotCache) {
		this.usesAotCache = usesAotCache;
	}

	Path logFile() {
		return this.logFile;
	}

	/** Where this run's lines begin in its log, which earlier runs appended to. */
	long logStart() {
		return this.logStart;
	}

	/**
	 * Waits until the service's readiness health group answers {@code UP}.
	 * @param timeout how long to wait at most
	 * @return how long the service took to become ready, from its start
	 * @throws LaunchException if the process exits or the time runs out first
	 * @throws InterruptedException if interrupted while waiting
	 */
	Duration awaitReady(Duration timeout) throws InterruptedException {
		return awaitReady(List.of(this), timeout).get(this);
	}

	/**
	 * Waits until every one of the services is ready, watching them all at once so that
	 * each one's time is when it became ready, not when the others let the wait look at
	 * it.
	 * @param processes the services
	 * @param timeout how long to wait at most, from now
	 * @return how long each took to become ready, from its start
	 * @throws LaunchException if a process exits or the time runs out first
	 * @throws InterruptedException if interrupted while waiting
	 */
	static Map<ServiceProcess, Duration> awaitReady(List<ServiceProcess> processes, Duration timeout)
			throws InterruptedException {
		Map<ServiceProcess, Duration> ready = new java.util.LinkedHashMap<>();
		Instant deadline = Instant.now().plus(timeout);
		while (ready.size() < processes.size()) {
			for (ServiceProcess process : processes) {
				if (!ready.containsKey(process) && process.isReady()) {
					ready.put(process, Duration.between(process.startedAt, Instant.now()));
				}
			}
			if (ready.size() == processes.size()) {
				break;
			}
			if (Instant.now().isAfter(deadline)) {
				ServiceProcess late = processes.stream().filter((p) -> !ready.containsKey(p)).findFirst().orElseThrow();
				throw new LaunchException(late.spec.name() + " was not ready after " + timeout.toSeconds()
						+ " s. Last lines of " + late.logFile + ":\n" + late.tail(20));
			}
			processes.stream().filter((p) -> !ready.containsKey(p)).findFirst().orElseThrow().awaitExit(POLL_INTERVAL);
		}
		return ready;
	}

	private boolean isReady() throws InterruptedException {
		if (!this.process.isAlive()) {
			throw new LaunchException(this.spec.name() + " exited with code " + this.process.exitValue()
					+ " before it was ready. Last lines of " + this.logFile + ":\n" + tail(20));
		}
		return isUp(URI.create(this.spec.baseUrl() + "/actuator/health/readiness"));
	}

	/** Waits a little, returning at once if the process exits meanwhile. */
	private void awaitExit(Duration atMost) throws InterruptedException {
		try {
			this.process.onExit().get(atMost.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException stillRunning) {
			// the usual case: poll again
		}
		catch (ExecutionException ex) {
			throw new LaunchException("Lost track of " + this.spec.name(), ex);
		}
	}

	private static boolean isUp(URI uri) throws InterruptedException {
		try {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains("\"UP\"");
		}
		catch (IOException notYet) {
			return false;
		}
	}

	private String tail(int lines) {
		try (Stream<String> all = Files.lines(this.logFile, StandardCharsets.UTF_8)) {
			List<String> list = all.toList();
			return String.join("\n", list.subList(Math.max(0, list.size() - lines), list.size()));
		}
		catch (IOException | RuntimeException ex) {
			return "(log not readable: " + ex.getMessage() + ")";
		}
	}

	/**
	 * Asks the service to stop (SIGTERM), and kills it if it has not stopped after a
	 * grace period.
	 */
	@Override
	public void close() {
		stop(GRACE);
	}

	/**
	 * Asks the service to stop (SIGTERM), and kills it if it has not stopped in time.
	 * @param grace how long it may take
	 */
	void stop(Duration grace) {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(grace.toSeconds(), TimeUnit.SECONDS)) {
				log.warn("{} did not stop within {} s; killing it", this.spec.name(), grace.toSeconds());
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
		log.info("Stopped {}", this.spec.name());
	}

}
