package io.cartwright.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform on one machine: the embedded infrastructure in this JVM, then
 * config-server, then the services and the gateway, each a child process that must report
 * ready before {@link #start} returns. {@link #close} stops everything in reverse order.
 */
public final class LocalPlatform implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);

	private static final String DATA_MARKER = ".cartwright-data";

	/**
	 * How long a training run may take to exit: the JVM writes the AOT cache as it exits,
	 * in a child JVM of its own.
	 */
	private static final Duration TRAINING_EXIT = Duration.ofMinutes(3);

	private final PlatformSettings settings;

	private final LocalInfrastructure infrastructure;

	private final List<ServiceProcess> processes = new ArrayList<>();

	private Map<String, String> environment = Map.of();

	private LocalSecrets secrets;

	private final Map<String, Duration> readyAfter = new HashMap<>();

	private Duration startedIn = Duration.ZERO;

	private final Path javaExecutable = Path.of(ProcessHandle.current().info().command().orElse("java"));

	/** Each module's AOT cache by name; empty when the services run without one. */
	private Map<String, AotCache> aotCaches = Map.of();

	private LocalPlatform(PlatformSettings settings, LocalInfrastructure infrastructure) {
		this.settings = settings;
		this.infrastructure = infrastructure;
	}

	/**
	 * Starts everything and waits until every service is ready.
	 * @param settings where and how
	 * @return the running platform
	 * @throws LaunchException with a message for the user when something cannot start;
	 * what did start is stopped again
	 */
	public static LocalPlatform start(PlatformSettings settings) {
		long begin = System.nanoTime();
		requireJars(settings);
		prepareDataDir(settings);
		requireFreePorts(settings);
		List<DatabaseAccounts.Account> accounts = DatabaseAccounts.loadOrCreate(settings.dataDir());
		LocalPlatform platform = new LocalPlatform(settings, LocalInfrastructure.start(settings, accounts));
		try {
			platform.secrets = LocalSecrets.loadOrCreate(settings.dataDir());
			platform.environment = platform.environment(accounts);
			platform.prepareAotCaches();
			platform.trainAotCaches(List.of(settings.configServer()));
			platform.startAndAwait(List.of(settings.configServer()), platform.environment);
			platform.trainAotCaches(settings.services());
			platform.startAndAwait(settings.services(), platform.environment);
			platform.startedIn = Duration.ofNanos(System.nanoTime() - begin);
			return platform;
		}
		catch (RuntimeException ex) {
			platform.close();
			throw ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			platform.close();
			throw new LaunchException("Interrupted while starting", ex);
		}
	}

	private void startAndAwait(List<ServiceSpec> specs, Map<String, String> environment) throws InterruptedException {
		List<ServiceProcess> started = new ArrayList<>();
		for (ServiceSpec spec : specs) {
			started.add(start(spec, environment, true));
		}
		Map<ServiceProcess, Duration> ready;
		try {
			ready = ServiceProcess.awaitReady(started, this.settings.readyTimeout());
		}
		catch (LaunchException ex) {
			List<ServiceProcess> died = started.stream()
				.filter((process) -> !process.isAlive() && process.usesAotCache())
				.toList();
			if (died.isEmpty()) {
				throw ex;
			}
			for (ServiceProcess process : died) {
				log.warn(
						"{} exited while starting with its AOT cache; the cache is deleted and {} starts again "
								+ "without one. See {}",
						process.spec().name(), process.spec().name(), process.logFile());
				this.aotCaches.get(process.spec().name()).delete();
				this.processes.remove(process);
				started.set(started.indexOf(process), start(process.spec(), environment, false));
			}
			ready = ServiceProcess.awaitReady(started, this.settings.readyTimeout());
		}
		ready.forEach((process, after) -> {
			this.readyAfter.put(process.spec().name(), after);
			boolean cached = process.usesAotCache() && !this.aotCaches.get(process.spec().name())
				.deleteIfRefused(process.logFile(), process.logStart());
			log.info("{} is ready ({} ms{})", process.spec().name(), after.toMillis(), cached ? ", AOT cache" : "");
		});
	}

	private ServiceProcess start(ServiceSpec spec, Map<String, String> environment, boolean withAotCache) {
		AotCache cache = this.aotCaches.get(spec.name());
		List<String> options = new ArrayList<>(this.settings.jvmOptions());
		List<String> cacheOptions = (cache != null && withAotCache) ? cache.jvmOptions() : List.of();
		options.addAll(cacheOptions);
		try {
			ServiceProcess process = ServiceProcess.start(spec, this.javaExecutable, options,
					(cache != null) ? cache.extractedJar() : spec.jar(this.settings.home()),
					environment(spec, environment), logs().resolve(spec.name() + ".log"));
			process.usesAotCache(!cacheOptions.isEmpty());
			this.processes.add(process);
			return process;
		}
		catch (IOException ex) {
			throw new LaunchException("Could not start " + spec.name() + ": " + ex.getMessage(), ex);
		}
	}

	private static Map<String, String> environment(ServiceSpec spec, Map<String, String> environment) {
		Map<String, String> env = new HashMap<>(environment);
		env.put("SERVER_PORT", String.valueOf(spec.port()));
		return env;
	}

	/**
	 * On JDK 25 and later the services run from their extracted jars with an AOT cache
	 * each; on older JDKs from their jars as they are.
	 */
	private void prepareAotCaches() throws InterruptedException {
		if (!this.settings.aotCache() || !AotCache.supported(Runtime.version().feature())) {
			return;
		}
		List<AotCache> caches = Stream
			.concat(Stream.of(this.settings.configServer()), this.settings.services().stream())
			.map((spec) -> new AotCache(spec, this.settings.home(), this.settings.jvmOptions()))
			.toList();
		Map<String, AotCache> prepared = new ConcurrentHashMap<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(trainingParallelism())) {
			for (AotCache cache : caches) {
				pool.submit(() -> {
					try {
						cache.extract(this.javaExecutable);
						prepared.put(cache.spec().name(), cache);
					}
					catch (IOException ex) {
						log.warn("{} runs from its jar without an AOT cache: {}", cache.spec().name(), ex.getMessage());
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					return null;
				});
			}
		}
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		this.aotCaches = Map.copyOf(prepared);
	}

	/**
	 * Makes the missing or stale AOT caches of these services with a training run each:
	 * the service really starts against the running infrastructure (and config-server),
	 * is stopped once ready, and the JVM writes the cache as it exits. A few at a time,
	 * as the machine's processors allow. A training run that fails costs only its cache.
	 */
	private void trainAotCaches(List<ServiceSpec> specs) throws InterruptedException {
		List<AotCache> stale = specs.stream()
			.map((spec) -> this.aotCaches.get(spec.name()))
			.filter((cache) -> cache != null && cache.freshness() != AotCache.Freshness.FRESH)
			.toList();
		if (stale.isEmpty()) {
			return;
		}
		log.info("Making the AOT cache of {} with a training run (after a build only: later starts are faster) ...",
				String.join(", ", stale.stream().map((cache) -> cache.spec().name()).toList()));
		try (ExecutorService pool = Executors.newFixedThreadPool(trainingParallelism())) {
			for (AotCache cache : stale) {
				pool.submit(() -> {
					try {
						train(cache);
					}
					catch (RuntimeException ex) {
						log.warn("The training run of {} failed; it starts without an AOT cache", cache.spec().name(),
								ex);
					}
					return null;
				});
			}
		}
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
	}

	private void train(AotCache cache) throws InterruptedException {
		ServiceSpec spec = cache.spec();
		long begin = System.nanoTime();
		List<String> options = new ArrayList<>(this.settings.jvmOptions());
		options.add("-XX:AOTCacheOutput=" + cache.trainingOutput());
		ServiceProcess process;
		try {
			Files.deleteIfExists(cache.trainingOutput());
			process = ServiceProcess.start(spec, this.javaExecutable, options, cache.extractedJar(),
					environment(spec, this.environment), logs().resolve(spec.name() + "-training.log"));
		}
		catch (IOException ex) {
			log.warn("The training run of {} could not start ({}); it starts without an AOT cache", spec.name(),
					ex.getMessage());
			return;
		}
		try {
			process.awaitReady(this.settings.readyTimeout());
		}
		catch (LaunchException ex) {
			log.warn("The training run of {} failed; it starts without an AOT cache. {}", spec.name(), ex.getMessage());
		}
		finally {
			process.stop(TRAINING_EXIT);
		}
		try {
			if (cache.keepTrainingOutput()) {
				log.info("{}: AOT cache made in {} s ({} MB)", spec.name(),
						Duration.ofNanos(System.nanoTime() - begin).toSeconds(), Files.size(cache.file()) >> 20);
			}
			else {
				log.warn("The training run of {} left no AOT cache (see {}); it starts without one", spec.name(),
						process.logFile());
			}
		}
		catch (IOException ex) {
			log.warn("Could not keep the AOT cache of {}: {}", spec.name(), ex.getMessage());
		}
	}

	private static int trainingParallelism() {
		return Math.max(2, Runtime.getRuntime().availableProcessors());
	}

	private Map<String, String> environment(List<DatabaseAccounts.Account> accounts) {
		Map<String, String> env = new HashMap<>();
		env.put("SPRING_PROFILES_ACTIVE", "local");
		env.put("SERVER_ADDRESS", "127.0.0.1");
		env.put("CONFIG_SERVER_URL", this.settings.configServer().baseUrl());
		env.put("CONFIG_REPO_LOCATION", this.settings.home().resolve("config-server/config-repo").toUri().toString());
		env.put("MYSQL_HOST", "127.0.0.1");
		env.put("MYSQL_PORT", String.valueOf(this.settings.port("mysql")));
		for (DatabaseAccounts.Account account : accounts) {
			env.put(account.envPrefix() + "_DB_USER", account.user());
			env.put(account.envPrefix() + "_DB_PASSWORD", account.password());
		}
		env.put("REDIS_HOST", "127.0.0.1");
		env.put("REDIS_PORT", String.valueOf(this.settings.port("redis")));
		env.put("KAFKA_BOOTSTRAP_SERVERS", this.infrastructure.kafkaBootstrapServers());
		for (ServiceSpec service : this.settings.services()) {
			if (service.name().endsWith("-service")) {
				String variable = service.name().replace("-service", "").toUpperCase() + "_SERVICE_URL";
				env.put(variable, service.baseUrl());
			}
		}
		String authServer = this.settings.authServer().baseUrl();
		env.put("AUTH_SERVER_URL", authServer);
		env.put("AUTH_ISSUER_URI", this.settings.issuer());
		env.put("AUTH_JWK_SET_URI", authServer + "/oauth2/jwks");
		env.put("AUTH_TOKEN_URI", authServer + "/oauth2/token");
		env.putAll(this.secrets.environment());
		env.putAll(this.settings.environment());
		return env;
	}

	/**
	 * Stops one service (gracefully), as a crash or a redeploy would: for tests that
	 * prove the others carry on and nothing is lost.
	 * @param name the service's name, for example {@code catalog-service}
	 */
	public synchronized void stopService(String name) {
		ServiceProcess process = this.processes.stream()
			.filter((candidate) -> candidate.spec().name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No running service called " + name));
		process.close();
		this.processes.remove(process);
	}

	/**
	 * Starts a stopped service again with the same settings and waits until it is ready.
	 * @param name the service's name
	 */
	public synchronized void startService(String name) {
		ServiceSpec spec = this.settings.services()
			.stream()
			.filter((candidate) -> candidate.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No service called " + name));
		try {
			startAndAwait(List.of(spec), this.environment);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LaunchException("Interrupted while starting " + name, ex);
		}
	}

	/**
	 * Takes Kafka away, keeping its data, as a broker outage would: for tests that prove
	 * nothing is lost meanwhile.
	 */
	public void stopKafka() {
		this.infrastructure.stopKafka();
	}

	/** Brings Kafka back on the same port with the same data after {@link #stopKafka}. */
	public void startKafka() {
		this.infrastructure.startKafka();
	}

	/**
	 * The local credentials: the staff and demo accounts' passwords and the clients'
	 * secrets.
	 * @return the secrets kept in the data directory
	 */
	public LocalSecrets secrets() {
		return this.secrets;
	}

	/**
	 * The token issuer as storefronts see it.
	 * @return auth-server's address behind the gateway
	 */
	public String issuer() {
		return this.settings.issuer();
	}

	/**
	 * How long each service took from its start to ready.
	 * @return the durations by service name
	 */
	public Map<String, Duration> readyAfter() {
		return Map.copyOf(this.readyAfter);
	}

	/**
	 * How long the whole platform took to start: from the call to {@link #start} until
	 * the last service was ready, including the infrastructure and any AOT training runs.
	 * @return the duration
	 */
	public Duration startedIn() {
		return this.startedIn;
	}

	/**
	 * The base URL of a service or of the gateway.
	 * @param name {@code gateway}, {@code config-server} or a service's name
	 * @return its base URL
	 */
	public String url(String name) {
		return Stream.concat(Stream.of(this.settings.configServer()), this.settings.services().stream())
			.filter((spec) -> spec.name().equals(name))
			.findFirst()
			.map(ServiceSpec::baseUrl)
			.orElseThrow(() -> new IllegalArgumentException("No service called " + name));
	}

	/**
	 * The child processes, for callers that want to watch them.
	 * @return the process ids by service name
	 */
	public Map<String, Long> pids() {
		Map<String, Long> pids = new HashMap<>();
		this.processes.forEach((process) -> pids.put(process.spec().name(), process.pid()));
		return pids;
	}

	/**
	 * What a person needs after the start: the URLs, where the data and the logs are.
	 * @return a few lines of text
	 */
	public String summary() {
		StringBuilder text = new StringBuilder(
				"\nCartwright is running (profile local), started in %.1f s. Ctrl-C stops it.\n\n"
					.formatted(this.startedIn.toMillis() / 1000.0));
		String gateway = url("gateway").replace("127.0.0.1", "localhost");
		text.append("  Storefront API (gateway)  ").append(gateway).append("/api/catalog/products\n");
		text.append("  API docs (every service)  ").append(gateway).append("/swagger-ui.html\n");
		text.append("  Sign-in (OIDC issuer)     ").append(issuer()).append("/.well-known/openid-configuration\n");
		text.append("  Health through gateway    ").append(gateway).append("/health/{catalog,cart,order}\n\n");
		text.append("  Demo customer  %s / %s   a token: ./cartwright token%n".formatted(LocalSecrets.DEMO_EMAIL,
				this.secrets.demoPassword()));
		text.append("  Staff          %s (password in %s)   a token: ./cartwright token --staff%n%n"
			.formatted(LocalSecrets.STAFF_EMAIL, this.settings.dataDir().resolve("local-secrets.properties")));
		for (ServiceSpec spec : this.settings.services()) {
			if (!spec.name().equals("gateway")) {
				text.append("  %-25s %s%n".formatted(spec.name(), spec.baseUrl().replace("127.0.0.1", "localhost")));
			}
		}
		text.append("  %-25s %s/catalog-service/local%n".formatted("config-server",
				url("config-server").replace("127.0.0.1", "localhost")));
		text.append("  MariaDB 127.0.0.1:%d   Redis 127.0.0.1:%d   Kafka %s%n".formatted(this.settings.port("mysql"),
				this.settings.port("redis"), this.infrastructure.kafkaBootstrapServers()));
		text.append("  Data: ").append(this.settings.dataDir()).append("   Logs: ").append(logs()).append('\n');
		return text.toString();
	}

	/**
	 * Stops the gateway and the services, then config-server, then the infrastructure.
	 */
	@Override
	public synchronized void close() {
		List<ServiceProcess> reversed = new ArrayList<>(this.processes);
		java.util.Collections.reverse(reversed);
		List<Thread> stopping = reversed.stream()
			.filter((process) -> !process.spec().name().equals("config-server"))
			.map((process) -> Thread.ofPlatform().name("stop-" + process.spec().name()).start(process::close))
			.toList();
		for (Thread thread : stopping) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		reversed.stream()
			.filter((process) -> process.spec().name().equals("config-server"))
			.forEach(ServiceProcess::close);
		this.processes.clear();
		this.infrastructure.close();
	}

	private Path logs() {
		return this.settings.dataDir().resolve("logs");
	}

	private static void requireJars(PlatformSettings settings) {
		List<String> missing = Stream.concat(Stream.of(settings.configServer()), settings.services().stream())
			.map((spec) -> spec.jar(settings.home()))
			.filter((jar) -> !Files.isRegularFile(jar))
			.map(Path::toString)
			.toList();
		if (!missing.isEmpty()) {
			throw new LaunchException("Missing " + String.join(", ", missing)
					+ ". Build first: ./mvnw -DskipTests package (./cartwright does it for you).");
		}
	}

	private static void prepareDataDir(PlatformSettings settings) {
		Path dataDir = settings.dataDir();
		try {
			if (settings.reset() && Files.exists(dataDir)) {
				if (!Files.exists(dataDir.resolve(DATA_MARKER))) {
					throw new LaunchException("Refusing to reset " + dataDir + ": it is not a Cartwright data folder");
				}
				log.info("Deleting the local data in {}", dataDir);
				try (Stream<Path> paths = Files.walk(dataDir)) {
					paths.sorted(Comparator.reverseOrder()).forEach(LocalPlatform::delete);
				}
			}
			Files.createDirectories(dataDir);
			if (!Files.exists(dataDir.resolve(DATA_MARKER))) {
				Files.writeString(dataDir.resolve(DATA_MARKER),
						"Cartwright's local data; ./cartwright --reset deletes it.\n");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path path) {
		try {
			Files.delete(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void requireFreePorts(PlatformSettings settings) {
		for (Map.Entry<String, Integer> port : settings.ports().entrySet()) {
			try (ServerSocket probe = new ServerSocket(port.getValue(), 1, InetAddress.getLoopbackAddress())) {
				probe.setReuseAddress(true);
			}
			catch (IOException taken) {
				throw new LaunchException(
						"Port %d (%s) is in use. Stop what uses it, or choose another port with --%s-port=N."
							.formatted(port.getValue(), port.getKey(), port.getKey()));
			}
		}
	}

}
