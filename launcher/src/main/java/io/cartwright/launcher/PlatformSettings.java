package io.cartwright.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to run the platform: where the code and the data are, and on which ports.
 *
 * @param home the repository's root directory (the jars are under it)
 * @param dataDir where the databases, the Kafka log and the service logs are kept
 * @param reset whether to delete the data first
 * @param ports the port of each part, by the names in {@link #DEFAULT_PORTS}
 * @param jvmOptions options for every service's JVM
 * @param readyTimeout how long a service may take to become ready
 * @param environment variables added to every service's environment, over the launcher's
 * own
 * @param aotCache whether the services start with a JDK AOT cache each when the JDK has
 * them (25 and later); see {@link AotCache}
 */
public record PlatformSettings(Path home, Path dataDir, boolean reset, Map<String, Integer> ports,
		List<String> jvmOptions, Duration readyTimeout, Map<String, String> environment, boolean aotCache) {

	/** Each part's usual port; {@code --<name>-port=N} chooses another. */
	static final Map<String, Integer> DEFAULT_PORTS = defaultPorts();

	/** Heap and start-up options for each service: several JVMs share a small machine. */
	static final List<String> DEFAULT_JVM_OPTIONS = defaultJvmOptions(Runtime.version().feature());

	public PlatformSettings {
		ports = Map.copyOf(ports);
		jvmOptions = List.copyOf(jvmOptions);
		environment = Map.copyOf(environment);
	}

	/**
	 * The services' JVM options on a JDK of the given release. From JDK 22 the JVM gives
	 * the C library's freed native memory back to the system every 10 s
	 * ({@code TrimNativeHeapInterval}): what the JIT compilers and start-up freed
	 * otherwise stays resident, 30–50 MiB per service measured with
	 * {@code jcmd System.trim_native_heap}.
	 * @param feature the JDK's feature release, such as 25
	 * @return the options
	 */
	static List<String> defaultJvmOptions(int feature) {
		List<String> options = new ArrayList<>(List.of("-Xms64m", "-Xmx384m", "-XX:+ExitOnOutOfMemoryError"));
		if (feature >= 22) {
			options.add("-XX:TrimNativeHeapInterval=10000");
		}
		return List.copyOf(options);
	}

	/**
	 * Settings with AOT caches on JDK 25 and later.
	 * @param home the repository's root directory
	 * @param dataDir where the data is kept
	 * @param reset whether to delete the data first
	 * @param ports the port of each part
	 * @param jvmOptions options for every service's JVM
	 * @param readyTimeout how long a service may take to become ready
	 * @param environment variables added to every service's environment
	 */
	public PlatformSettings(Path home, Path dataDir, boolean reset, Map<String, Integer> ports, List<String> jvmOptions,
			Duration readyTimeout, Map<String, String> environment) {
		this(home, dataDir, reset, ports, jvmOptions, readyTimeout, environment, true);
	}

	/**
	 * The defaults: the usual ports and the data under {@code .cartwright/} in the
	 * repository.
	 * @param home the repository's root directory
	 * @return the default settings
	 */
	public static PlatformSettings defaults(Path home) {
		return new PlatformSettings(home, home.resolve(".cartwright"), false, DEFAULT_PORTS, DEFAULT_JVM_OPTIONS,
				Duration.ofSeconds(180), Map.of());
	}

	/**
	 * Settings with every port free at the time of the call, for tests that run the
	 * platform beside anything else.
	 * @param home the repository's root directory
	 * @param dataDir where to keep the data
	 * @return the settings
	 */
	public static PlatformSettings onFreePorts(Path home, Path dataDir) {
		List<Integer> free = freePorts(DEFAULT_PORTS.size());
		Map<String, Integer> ports = new LinkedHashMap<>();
		DEFAULT_PORTS.keySet().forEach((name) -> ports.put(name, free.get(ports.size())));
		return new PlatformSettings(home, dataDir, false, ports, DEFAULT_JVM_OPTIONS, Duration.ofSeconds(240),
				Map.of());
	}

	/**
	 * Reads command-line arguments over the defaults.
	 * @param home the repository's root directory
	 * @param args {@code --reset}, {@code --data-dir=DIR} and {@code --<name>-port=N}
	 * @return the settings
	 * @throws LaunchException for an unknown or malformed argument
	 */
	public static PlatformSettings parse(Path home, String... args) {
		PlatformSettings defaults = defaults(home);
		Path dataDir = defaults.dataDir;
		boolean reset = false;
		boolean aotCache = true;
		Map<String, Integer> ports = new LinkedHashMap<>(DEFAULT_PORTS);
		for (String arg : args) {
			int equals = arg.indexOf('=');
			String name = (equals < 0) ? arg : arg.substring(0, equals);
			String value = (equals < 0) ? null : arg.substring(equals + 1);
			String part = name.startsWith("--") && name.endsWith("-port")
					? name.substring(2, name.length() - "-port".length()) : null;
			if (name.equals("--reset") && value == null) {
				reset = true;
			}
			else if (name.equals("--no-aot-cache") && value == null) {
				aotCache = false;
			}
			else if (name.equals("--data-dir")) {
				dataDir = Path.of(required(name, value)).toAbsolutePath();
			}
			else if (part != null && ports.containsKey(part)) {
				ports.put(part, port(name, value));
			}
			else {
				throw new LaunchException("Unknown argument '" + arg + "'.\n" + usage());
			}
		}
		return new PlatformSettings(home, dataDir, reset, ports, defaults.jvmOptions, defaults.readyTimeout, Map.of(),
				aotCache);
	}

	/**
	 * These settings with more environment variables for every service, for example to
	 * point the services at another token issuer.
	 * @param variables the variables to add
	 * @return the new settings
	 */
	public PlatformSettings withEnvironment(Map<String, String> variables) {
		Map<String, String> merged = new java.util.HashMap<>(this.environment);
		merged.putAll(variables);
		return new PlatformSettings(this.home, this.dataDir, this.reset, this.ports, this.jvmOptions, this.readyTimeout,
				merged, this.aotCache);
	}

	static String usage() {
		return """
				Usage: ./cartwright [--reset] [--data-dir=DIR] [--no-aot-cache] [--<name>-port=N ...]
				  --reset        delete the local data (databases, Kafka log, logs) before starting
				  --no-aot-cache start the services without JDK AOT caches (JDK 25+ makes one per
				                 service with a training run after each build and starts with it)
				  --data-dir     where the data lives (default: .cartwright/ in the repository)
				  --<name>-port  another port for one part; names and defaults: %s""".formatted(DEFAULT_PORTS);
	}

	int port(String name) {
		Integer port = this.ports.get(name);
		if (port == null) {
			throw new IllegalArgumentException("No port for " + name);
		}
		return port;
	}

	ServiceSpec configServer() {
		return new ServiceSpec("config-server", port("config-server"));
	}

	ServiceSpec authServer() {
		return new ServiceSpec("auth-server", port("auth"));
	}

	ServiceSpec gateway() {
		return new ServiceSpec("gateway", port("gateway"));
	}

	/**
	 * The services that take their configuration from config-server: they start together
	 * once config-server is ready.
	 */
	List<ServiceSpec> services() {
		return List.of(authServer(), new ServiceSpec("catalog-service", port("catalog")),
				new ServiceSpec("cart-service", port("cart")), new ServiceSpec("order-service", port("order")),
				gateway());
	}

	/**
	 * The token issuer as storefronts see it: auth-server behind the gateway.
	 * @return the issuer URI, for example {@code http://localhost:8080/api/auth}
	 */
	public String issuer() {
		return "http://localhost:" + port("gateway") + "/api/auth";
	}

	private static Map<String, Integer> defaultPorts() {
		Map<String, Integer> ports = new LinkedHashMap<>();
		ports.put("mysql", 3306);
		ports.put("redis", 6379);
		ports.put("kafka", 9092);
		ports.put("kafka-controller", 9093);
		ports.put("config-server", 8888);
		ports.put("auth", 9000);
		ports.put("catalog", 8081);
		ports.put("cart", 8082);
		ports.put("order", 8083);
		ports.put("gateway", 8080);
		return java.util.Collections.unmodifiableMap(ports);
	}

	private static String required(String name, String value) {
		if (value == null || value.isBlank()) {
			throw new LaunchException(name + " needs a value, as in " + name + "=...");
		}
		return value;
	}

	private static int port(String name, String value) {
		try {
			int port = Integer.parseInt(required(name, value));
			if (port < 1 || port > 65535) {
				throw new NumberFormatException();
			}
			return port;
		}
		catch (NumberFormatException ex) {
			throw new LaunchException(name + " takes a port number from 1 to 65535, not '" + value + "'");
		}
	}

	private static List<Integer> freePorts(int count) {
		List<ServerSocket> sockets = new ArrayList<>();
		try {
			for (int i = 0; i < count; i++) {
				sockets.add(new ServerSocket(0));
			}
			return sockets.stream().map(ServerSocket::getLocalPort).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			sockets.forEach(PlatformSettings::closeQuietly);
		}
	}

	private static void closeQuietly(ServerSocket socket) {
		try {
			socket.close();
		}
		catch (IOException ignored) {
			// the port is free either way
		}
	}

}
