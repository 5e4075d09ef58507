package io.cartwright.benchmarks.gatling;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One run of a Gatling simulation in a JVM of its own: {@code java -cp <classPath>
 * io.gatling.app.Gatling -s <simulation> -rf <resultsFolder> -rd <description>}, with the
 * given system properties, on the JVM that runs this one. Gatling's output goes to the
 * log file (appended). KOs and failed assertions do not fail the run: they are in the
 * report and in {@link Result#exitCode()}; only a run that leaves no report (Gatling
 * could not start, the simulation threw while being set up, the timeout passed) throws.
 *
 * @param simulation the simulation's class name
 * @param description the run description shown in the report
 * @param properties the system properties of Gatling's JVM, typically {@code bench.*}
 * @param classPath the class path of Gatling's JVM: see {@link #classPath(Path)}
 * @param resultsFolder where Gatling creates the run's report directory
 * @param logFile where Gatling's output goes
 * @param heap the heap of Gatling's JVM ({@code -Xms} and {@code -Xmx}), e.g. {@code 1g}
 * @param timeout how long the run may take before its JVM is killed
 */
public record GatlingRun(String simulation, String description, Map<String, String> properties, String classPath,
		Path resultsFolder, Path logFile, String heap, Duration timeout) {

	/** The heap Gatling's JVM gets unless told otherwise. */
	public static final String DEFAULT_HEAP = "1g";

	/** Gatling's exit code when the simulation's assertions failed. */
	public static final int ASSERTIONS_FAILED = 2;

	private static final String MAIN_CLASS = "io.gatling.app.Gatling";

	/**
	 * Gatling's logging configuration, on the class path (not logback.xml: see there).
	 */
	private static final String LOGBACK_CONFIGURATION = "gatling-logback.xml";

	public GatlingRun {
		properties = Map.copyOf(properties);
	}

	/**
	 * A run with the {@link #DEFAULT_HEAP default heap}.
	 * @param simulation the simulation's class name
	 * @param description the run description shown in the report
	 * @param properties the system properties of Gatling's JVM
	 * @param classPath the class path of Gatling's JVM
	 * @param resultsFolder where Gatling creates the run's report directory
	 * @param logFile where Gatling's output goes
	 * @param timeout how long the run may take
	 */
	public GatlingRun(String simulation, String description, Map<String, String> properties, String classPath,
			Path resultsFolder, Path logFile, Duration timeout) {
		this(simulation, description, properties, classPath, resultsFolder, logFile, DEFAULT_HEAP, timeout);
	}

	/**
	 * The class path to run Gatling and the simulations with, from a built benchmarks
	 * module: its {@code target/classes} and the dependencies listed in
	 * {@code target/classpath.txt} (written by {@code ./mvnw package}).
	 * @param benchmarksModuleDir the {@code benchmarks} directory
	 * @return the class path
	 * @throws UncheckedIOException when the module is not built
	 */
	public static String classPath(Path benchmarksModuleDir) {
		Path target = benchmarksModuleDir.toAbsolutePath().resolve("target");
		try {
			String dependencies = Files.readString(target.resolve("classpath.txt"), StandardCharsets.UTF_8).strip();
			return target.resolve("classes") + File.pathSeparator + dependencies;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The benchmarks module is not built (./mvnw -pl benchmarks -am package)",
					ex);
		}
	}

	/**
	 * Runs the simulation and waits for it.
	 * @return where the report is and how Gatling exited
	 * @throws IOException when Gatling's JVM cannot be started or left no report
	 * @throws InterruptedException when interrupted while waiting (the JVM is killed)
	 */
	public Result run() throws IOException, InterruptedException {
		Files.createDirectories(this.resultsFolder);
		Path logParent = this.logFile.toAbsolutePath().getParent();
		if (logParent != null) {
			Files.createDirectories(logParent);
		}
		Set<Path> before = reportDirectories();
		Process process = new ProcessBuilder(command()).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.logFile.toFile()))
			.start();
		int exitCode;
		try {
			if (!process.waitFor(this.timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				kill(process);
				throw new IOException("Gatling's run of " + this.simulation + " took longer than " + this.timeout
						+ " and was killed; see " + this.logFile);
			}
			exitCode = process.exitValue();
		}
		catch (InterruptedException ex) {
			kill(process);
			throw ex;
		}
		Path report = reportDirectories().stream()
			.filter((directory) -> !before.contains(directory))
			.filter((directory) -> Files.isRegularFile(directory.resolve(GatlingStats.REPORT)))
			.max(Comparator.comparing(GatlingRun::lastModified))
			.orElseThrow(() -> new IOException("Gatling's run of " + this.simulation + " exited with " + exitCode
					+ " and left no report in " + this.resultsFolder + "; see " + this.logFile));
		return new Result(report, exitCode, this.logFile);
	}

	List<String> command() {
		String java = ProcessHandle.current()
			.info()
			.command()
			.orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
		List<String> command = new ArrayList<>();
		command.add(java);
		command.add("-Xms" + this.heap);
		command.add("-Xmx" + this.heap);
		command.add("-XX:+UseG1GC");
		// What Gatling's own launchers pass: a deep stack for its DSL, reflection into
		// java.lang, native transport without warnings.
		command.add("-Xss100M");
		command.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
		command.add("--enable-native-access=ALL-UNNAMED");
		command.add("--sun-misc-unsafe-memory-access=allow");
		command.add("-Dlogback.configurationFile=" + LOGBACK_CONFIGURATION);
		// Also in gatling.conf; repeated so that no other gatling.conf on the class path
		// can send traffic off this machine.
		command.add("-Dgatling.http.warmUpUrl=");
		command.add("-Dgatling.data.enableAnalytics=false");
		new TreeMap<>(this.properties).forEach((name, value) -> command.add("-D" + name + "=" + value));
		command.add("-cp");
		command.add(this.classPath);
		command.add(MAIN_CLASS);
		command.add("--simulation");
		command.add(this.simulation);
		command.add("--results-folder");
		command.add(this.resultsFolder.toAbsolutePath().toString());
		command.add("--run-description");
		// Gatling decodes the description from Base64 (its launchers encode it so that
		// any text survives the command line).
		command.add(Base64.getEncoder().encodeToString(this.description.getBytes(StandardCharsets.UTF_8)));
		return command;
	}

	private Set<Path> reportDirectories() throws IOException {
		try (Stream<Path> entries = Files.list(this.resultsFolder)) {
			return entries.filter(Files::isDirectory).collect(Collectors.toSet());
		}
	}

	private static long lastModified(Path directory) {
		try {
			return Files.getLastModifiedTime(directory).toMillis();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void kill(Process process) throws InterruptedException {
		process.descendants().forEach(ProcessHandle::destroyForcibly);
		process.destroyForcibly();
		process.waitFor(10, TimeUnit.SECONDS);
	}

	/**
	 * What a run left.
	 *
	 * @param reportDirectory the run's report directory (with {@code index.html})
	 * @param exitCode Gatling's exit code: 0, or {@link #ASSERTIONS_FAILED}
	 * @param logFile Gatling's output
	 */
	public record Result(Path reportDirectory, int exitCode, Path logFile) {

		/**
		 * The run's statistics.
		 * @return the statistics of the report
		 * @throws IOException when the file cannot be read
		 */
		public GatlingStats stats() throws IOException {
			return GatlingStats.read(this.reportDirectory);
		}

		/** Whether the simulation's assertions failed. */
		public boolean assertionsFailed() {
			return this.exitCode == ASSERTIONS_FAILED;
		}

	}

}
