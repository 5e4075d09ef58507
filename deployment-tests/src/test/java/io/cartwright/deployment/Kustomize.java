package io.cartwright.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Builds a kustomize overlay as an operator would ({@code kubectl kustomize}, the same
 * code as {@code kubectl apply -k}), in a copy of the checkout where each git-ignored
 * {@code secrets.env} is made from its committed {@code secrets.env.example}: so the
 * example is what is proven to be complete, and no real secret of the developer's is
 * read.
 */
final class Kustomize {

	/**
	 * What the overlays include: k8s/ and the kustomizations they reference outside it.
	 */
	private static final List<String> TREES = List.of("k8s", "config-server/config-repo", "docker/mysql",
			"observability");

	private static final Map<String, List<Map<String, Object>>> built = new ConcurrentHashMap<>();

	private Kustomize() {
	}

	/**
	 * The objects an overlay emits.
	 * @param kustomization a directory under the repository, such as
	 * {@code k8s/overlays/dev}
	 * @return the objects, parsed
	 */
	static List<Map<String, Object>> build(String kustomization) {
		return built.computeIfAbsent(kustomization, Kustomize::render);
	}

	private static List<Map<String, Object>> render(String kustomization) {
		try {
			Path copy = Files.createTempDirectory("cartwright-kustomize");
			for (String tree : TREES) {
				copyTree(Repository.path(tree), copy.resolve(tree));
			}
			try (Stream<Path> files = Files.walk(copy.resolve("k8s"))) {
				for (Path example : files.filter((file) -> file.getFileName().toString().equals("secrets.env.example"))
					.toList()) {
					Files.writeString(example.resolveSibling("secrets.env"), exampleValues(Files.readString(example)));
				}
			}
			String output = Kubectl.run(List.of("kustomize", copy.resolve(kustomization).toString()));
			return Yaml.loadAll(output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every {@code KEY=} of an example file with a value that names the key. */
	static String exampleValues(String example) {
		StringBuilder filled = new StringBuilder();
		for (String line : example.lines().toList()) {
			if (line.matches("[A-Z][A-Z0-9_]*=\\s*")) {
				String key = line.substring(0, line.indexOf('='));
				filled.append(key).append("=test-").append(key.toLowerCase()).append('\n');
			}
			else {
				filled.append(line).append('\n');
			}
		}
		return filled.toString();
	}

	private static void copyTree(Path from, Path to) throws IOException {
		List<Path> paths = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(from)) {
			walk.forEach(paths::add);
		}
		for (Path source : paths) {
			Path target = to.resolve(from.relativize(source).toString());
			if (Files.isDirectory(source)) {
				Files.createDirectories(target);
			}
			else if (!source.getFileName().toString().equals("secrets.env")) {
				Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

}
