package io.cartwright.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A module's JDK AOT cache (JEP 483/514/515, JDK 25) for the local run, kept beside its
 * jar in {@code <module>/target/aot/}: the jar extracted ({@code app/<module>.jar} plus
 * {@code app/lib/}), because the JVM caches only classes that the application class
 * loader loads from plain jars and not those nested in a Spring Boot jar, and
 * {@code <module>.aot} made by a training run of that extracted jar. Rebuilding the
 * module makes a newer jar, which makes both stale; {@code mvn clean} deletes both.
 */
final class AotCache {

	private static final Logger log = LoggerFactory.getLogger(AotCache.class);

	/**
	 * The first JDK whose {@code -XX:AOTCacheOutput} makes a cache in one training run.
	 */
	static final int FIRST_JDK = 25;

	/**
	 * What the JVM prints when it does not use the cache it was given (JDK 25: "Unable to
	 * use AOT cache", "An error has occurred while processing the AOT cache").
	 */
	private static final List<String> REFUSALS = List.of("unable to use aot cache",
			"error has occurred while processing the aot cache", "aot cache is not usable", "unable to map");

	private static final String STAMP = ".extracted-from";

	private final ServiceSpec spec;

	private final Path jar;

	private final Path dir;

	private final String key;

	/**
	 * The cache of a module, for services started with the given options.
	 * @param spec the module
	 * @param home the repository's root directory
	 * @param jvmOptions the options every service starts with
	 */
	AotCache(ServiceSpec spec, Path home, List<String> jvmOptions) {
		this.spec = spec;
		this.jar = spec.jar(home.toAbsolutePath());
		this.dir = this.jar.resolveSibling("aot");
		this.key = "java " + Runtime.version() + "\noptions " + String.join(" ", jvmOptions) + "\njar " + extractedJar()
				+ "\n";
	}

	/**
	 * Whether services run with AOT caches on this JDK.
	 * @param javaFeature the feature release of the JVM that runs the services
	 * @return {@code true} from JDK 25 on
	 */
	static boolean supported(int javaFeature) {
		return javaFeature >= FIRST_JDK;
	}

	/** Why a cache is or is not used as it is. */
	enum Freshness {

		/** Made from the current jar: used. */
		FRESH,

		/** Never made, or deleted. */
		MISSING,

		/** A training run that did not finish left an empty file. */
		EMPTY,

		/**
		 * The jar was rebuilt after the cache was made. The JVM does not reliably refuse
		 * such a cache: JDK 25 used the old classes of a rebuilt jar from it.
		 */
		OLDER_THAN_JAR,

		/**
		 * Made by another JDK, with other JVM options or for the jar at another path (a
		 * moved repository): a cache made for another class path can be half accepted and
		 * break the service.
		 */
		OTHER_RUNTIME

	}

	/**
	 * The decision on its own: a cache is fresh when it exists, is not empty and is at
	 * least as new as the jar it was made from.
	 * @param cache the cache file
	 * @param jar the module's jar
	 * @return the cache's freshness
	 */
	static Freshness freshness(Path cache, Path jar) {
		try {
			BasicFileAttributes cached = Files.readAttributes(cache, BasicFileAttributes.class);
			if (cached.size() == 0) {
				return Freshness.EMPTY;
			}
			return cached.lastModifiedTime().compareTo(Files.getLastModifiedTime(jar)) < 0 ? Freshness.OLDER_THAN_JAR
					: Freshness.FRESH;
		}
		catch (NoSuchFileException ex) {
			return Freshness.MISSING;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	ServiceSpec spec() {
		return this.spec;
	}

	/** The cache file a service starts with. */
	Path file() {
		return this.dir.resolve(this.spec.name() + ".aot");
	}

	/** Where a training run writes, so that an unfinished one never replaces a cache. */
	Path trainingOutput() {
		return this.dir.resolve(this.spec.name() + "-training.aot");
	}

	/** The extracted jar the service runs from. */
	Path extractedJar() {
		return this.dir.resolve("app").resolve(this.jar.getFileName());
	}

	/** What the cache was made for: the JDK, the JVM options and the jar's path. */
	Path keyFile() {
		return this.dir.resolve(this.spec.name() + ".aot.key");
	}

	Freshness freshness() {
		Freshness freshness = freshness(file(), this.jar);
		if (freshness == Freshness.FRESH && !this.key.equals(readKey())) {
			return Freshness.OTHER_RUNTIME;
		}
		return freshness;
	}

	/** Deletes the cache, so that the next start makes a new one. */
	void delete() {
		try {
			Files.deleteIfExists(file());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String readKey() {
		try {
			return Files.readString(keyFile(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

	/**
	 * The options that make a service start with its cache. With the JVM's default
	 * {@code -XX:AOTMode=auto} a cache it cannot use is skipped with a warning and the
	 * service starts without it.
	 * @return {@code -XX:AOTCache=...} when the cache is fresh, else nothing
	 */
	List<String> jvmOptions() {
		return (freshness() == Freshness.FRESH) ? List.of("-XX:AOTCache=" + file()) : List.of();
	}

	/**
	 * Extracts the module's jar unless the extracted copy is of this very jar. A new
	 * extraction deletes the cache: the JVM checks the class path's jars against the ones
	 * the cache was made with.
	 * @param java the {@code java} executable
	 * @throws IOException if the jar cannot be extracted
	 * @throws InterruptedException if interrupted meanwhile
	 */
	void extract(Path java) throws IOException, InterruptedException {
		String stamp = stamp(this.jar);
		Path app = this.dir.resolve("app");
		if (Files.isRegularFile(extractedJar()) && stamp.equals(readStamp(app))) {
			return;
		}
		Files.createDirectories(this.dir);
		Path extracting = Files.createTempDirectory(this.dir, "app-");
		Path output = this.dir.resolve("extract.log");
		Process process = new ProcessBuilder(java.toString(), "-Djarmode=tools", "-jar", this.jar.toString(), "extract",
				"--destination", extracting.toString())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
			process.destroyForcibly();
			deleteTree(extracting);
			throw new IOException("extracting " + this.jar + " failed; see " + output);
		}
		Files.writeString(extracting.resolve(STAMP), stamp, StandardCharsets.UTF_8);
		Files.deleteIfExists(file());
		deleteTree(app);
		try {
			Files.move(extracting, app, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException ex) {
			// another launcher extracted the same jar meanwhile: use theirs
			deleteTree(extracting);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(extracting, app);
		}
		Files.deleteIfExists(output);
	}

	/**
	 * Keeps what a finished training run wrote as the cache.
	 * @return whether there was a cache to keep
	 * @throws IOException if it cannot be moved
	 */
	boolean keepTrainingOutput() throws IOException {
		Path output = trainingOutput();
		if (!Files.isRegularFile(output) || Files.size(output) == 0) {
			Files.deleteIfExists(output);
			return false;
		}
		Files.writeString(keyFile(), this.key, StandardCharsets.UTF_8);
		Files.move(output, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return true;
	}

	/**
	 * Looks in a service's log for the JVM's word that it did not use the cache; if so,
	 * deletes the cache so that the next start makes a new one.
	 * @param logFile the service's log
	 * @param from the log's size before this start, to read only this start's lines
	 * @return whether the JVM refused the cache
	 */
	boolean deleteIfRefused(Path logFile, long from) {
		try {
			String refusal = refusal(logFile, from);
			if (refusal == null) {
				return false;
			}
			log.warn("{} started without its AOT cache, which the JVM did not accept ({}); it is deleted and "
					+ "the next start makes a new one", this.spec.name(), refusal.strip());
			Files.deleteIfExists(file());
			return true;
		}
		catch (IOException | UncheckedIOException ex) {
			log.debug("Could not read {}", logFile, ex);
			return false;
		}
	}

	/**
	 * The first line after {@code from} in which the JVM says it did not use its cache.
	 * @param logFile a service's log
	 * @param from where to start reading, in bytes
	 * @return the line, or {@code null}
	 * @throws IOException if the log cannot be read
	 */
	static String refusal(Path logFile, long from) throws IOException {
		if (!Files.exists(logFile)) {
			return null;
		}
		byte[] bytes = Files.readAllBytes(logFile);
		String text = new String(bytes, (int) Math.min(from, bytes.length), (int) Math.max(0, bytes.length - from),
				StandardCharsets.UTF_8);
		return text.lines()
			.filter((line) -> REFUSALS.stream().anyMatch(line.toLowerCase(java.util.Locale.ROOT)::contains))
			.findFirst()
			.orElse(null);
	}

	private static String stamp(Path jar) throws IOException {
		BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
		return attributes.size() + " " + attributes.lastModifiedTime().toMillis();
	}

	private static String readStamp(Path app) throws IOException {
		Path stamp = app.resolve(STAMP);
		return Files.exists(stamp) ? Files.readString(stamp, StandardCharsets.UTF_8) : "";
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
