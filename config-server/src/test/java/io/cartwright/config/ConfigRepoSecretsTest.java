package io.cartwright.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets come from the environment, never from git: every key that names a password,
 * secret, token or credential holds nothing but an environment placeholder.
 */
class ConfigRepoSecretsTest {

	private static final Path REPO = Path.of(System.getProperty("cartwright.config-repo", "config-repo"));

	private static final Pattern SECRET_KEY = Pattern.compile(
			"(?i).*(password|passwd|secret|credential|token|api-?key|access-?key|private-?key|key-?store\\.password).*");

	/**
	 * Addresses such as a token endpoint's {@code token-uri} name a secret's place, not a
	 * secret.
	 */
	private static final Pattern ADDRESS_KEY = Pattern.compile("(?i).*-ur[il]");

	/** CORS's switch for cookies ({@code allow-credentials}) is no credential. */
	private static final Pattern SWITCH_KEY = Pattern.compile("(?i).*\\.allow-credentials");

	/**
	 * {@code ${ENV_VAR}}; {@code ${ENV_VAR:}} (an empty default means "none", as for a
	 * Redis without AUTH); or a {@code {cipher}} value, encrypted for the config server.
	 */
	private static final Pattern ALLOWED_VALUE = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*:?}|\\{cipher}[0-9a-fA-F]+");

	@Test
	void keepsNoSecretValueInTheRepository() throws IOException {
		List<String> offending = new ArrayList<>();
		Map<String, Object> secrets = secretProperties();
		secrets.forEach((key, value) -> {
			if (!ALLOWED_VALUE.matcher(String.valueOf(value)).matches()) {
				offending.add(key + " = " + value);
			}
		});
		assertThat(secrets).as("secret-named keys found").isNotEmpty();
		assertThat(offending).as("secret values that are not environment placeholders").isEmpty();
	}

	@Test
	void takesEveryDatabasePasswordFromTheEnvironmentWithoutDefault() throws IOException {
		assertThat(secretProperties())
			.containsEntry("catalog-service.yml: spring.datasource.password", "${CATALOG_DB_PASSWORD}")
			.containsEntry("cart-service.yml: spring.datasource.password", "${CART_DB_PASSWORD}")
			.containsEntry("order-service.yml: spring.datasource.password", "${ORDER_DB_PASSWORD}")
			.containsEntry("auth-server.yml: spring.datasource.password", "${AUTH_DB_PASSWORD}");
	}

	private static Map<String, Object> secretProperties() throws IOException {
		Map<String, Object> secrets = new java.util.TreeMap<>();
		for (Path file : yamlFiles()) {
			for (PropertySource<?> source : new YamlPropertySourceLoader().load(file.getFileName().toString(),
					new FileSystemResource(file))) {
				EnumerablePropertySource<?> enumerable = (EnumerablePropertySource<?>) source;
				for (String key : enumerable.getPropertyNames()) {
					if (SECRET_KEY.matcher(key).matches() && !ADDRESS_KEY.matcher(key).matches()
							&& !SWITCH_KEY.matcher(key).matches()) {
						secrets.put(file.getFileName() + ": " + key, String.valueOf(enumerable.getProperty(key)));
					}
				}
			}
		}
		return secrets;
	}

	private static List<Path> yamlFiles() throws IOException {
		assertThat(REPO).isDirectory();
		try (Stream<Path> files = Files.walk(REPO)) {
			List<Path> yaml = files.filter(Files::isRegularFile).peek((file) -> {
				String name = file.getFileName().toString();
				assertThat(name).as("config-repo holds YAML only").matches(".*\\.ya?ml");
			}).toList();
			assertThat(yaml).isNotEmpty();
			return yaml;
		}
	}

}
