package io.cartwright.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * YAML as plain maps and lists. SnakeYAML resolves anchors and merge keys ({@code <<}),
 * as Docker Compose does.
 */
final class Yaml {

	private Yaml() {
	}

	static Map<String, Object> load(String text) {
		Object document = parser().load(text);
		if (!(document instanceof Map<?, ?>)) {
			throw new IllegalArgumentException("Not a YAML mapping: " + text.lines().findFirst().orElse(""));
		}
		return Repository.map(document);
	}

	static List<Map<String, Object>> loadAll(String text) {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : parser().loadAll(text)) {
			if (document != null) {
				documents.add(Repository.map(document));
			}
		}
		return documents;
	}

	private static org.yaml.snakeyaml.Yaml parser() {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		return new org.yaml.snakeyaml.Yaml(new SafeConstructor(options));
	}

}
