package io.cartwright.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.cloud.config.environment.Environment;
import org.springframework.cloud.config.environment.PropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySourcesPropertyResolver;

/**
 * What the config server answered for one application and profile, seen the way a config
 * client sees it: the served sources in their order, most specific first, then the
 * service's own {@code spring.application.name}. No OS environment takes part, so every
 * placeholder falls back to the default written in config-repo.
 */
final class ServedConfig {

	private final Environment environment;

	private final PropertySourcesPropertyResolver resolver;

	private ServedConfig(Environment environment, String application) {
		this.environment = environment;
		MutablePropertySources sources = new MutablePropertySources();
		for (PropertySource source : environment.getPropertySources()) {
			sources.addLast(new MapPropertySource(source.getName(), asMap(source.getSource())));
		}
		sources.addLast(
				new MapPropertySource("service's own application.yml", Map.of("spring.application.name", application)));
		this.resolver = new PropertySourcesPropertyResolver(sources);
	}

	static ServedConfig of(Environment environment, String application) {
		return new ServedConfig(environment, application);
	}

	List<String> sourceNames() {
		return this.environment.getPropertySources().stream().map(PropertySource::getName).toList();
	}

	/** The merged value before placeholders are resolved. */
	Object raw(String key) {
		return this.environment.getPropertySources()
			.stream()
			.filter((source) -> source.getSource().containsKey(key))
			.map((source) -> source.getSource().get(key))
			.findFirst()
			.orElse(null);
	}

	/** The merged value with its placeholders resolved, as the service binds it. */
	String resolved(String key) {
		return this.resolver.getProperty(key);
	}

	String resolveRequired(String text) {
		return this.resolver.resolveRequiredPlaceholders(text);
	}

	boolean hasKeyStartingWith(String prefix) {
		return this.environment.getPropertySources()
			.stream()
			.flatMap((source) -> source.getSource().keySet().stream())
			.anyMatch((key) -> key.toString().startsWith(prefix));
	}

	private static Map<String, Object> asMap(Map<?, ?> source) {
		Map<String, Object> map = new LinkedHashMap<>();
		source.forEach((key, value) -> map.put(key.toString(), value));
		return map;
	}

}
