package io.cartwright.deployment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfile's AOT training run refreshes each module's application context with no
 * config-server, database, Redis or Kafka: the very options and variables of its
 * {@code RUN} line, here with the checkout's config-repo and the module's jar (without
 * the JVM's cache options, which need JDK 24+). auth-server is left out: its JDBC
 * authorization service reads the database's column metadata while the context refreshes
 * (ADR 0017).
 */
class AotTrainingRunIT {

	private static final Pattern TRAINING = Pattern.compile(
			"RUN --mount=type=bind,from=build,source=/workspace/config-server/config-repo,target=/tmp/config-repo \\\\\\n(.*?)-jar app\\.jar",
			Pattern.DOTALL);

	@ParameterizedTest
	@ValueSource(strings = { "config-server", "catalog-service", "cart-service", "order-service", "gateway" })
	void refreshesTheContextOfflineWithTheDockerfilesTrainingOptions(String module, @TempDir Path workDir)
			throws Exception {
		Matcher run = TRAINING.matcher(Repository.read("docker/Dockerfile"));
		assertThat(run.find()).as("the training RUN").isTrue();
		String[] words = run.group(1)
			.replace("\\\n", " ")
			.replace("${MODULE}", module)
			.replace("/tmp/config-repo/", Repository.path("config-server/config-repo").toUri().getPath())
			.trim()
			.split("\\s+");
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
		Map<String, String> environment = builder.environment();
		boolean javaSeen = false;
		for (String word : words) {
			if (word.equals("java")) {
				javaSeen = true;
			}
			else if (!javaSeen && word.matches("[A-Z_]+=.*")) {
				environment.put(word.substring(0, word.indexOf('=')), word.substring(word.indexOf('=') + 1));
			}
			else if (javaSeen && !word.startsWith("-XX:AOT")) {
				command.add(word);
			}
		}
		assertThat(command).contains("-Dspring.context.exit=onRefresh", "-Dspring.cloud.config.enabled=false");
		command.add("-jar");
		command.add(Repository.path(module + "/target/" + module + ".jar").toString());
		builder.command(command);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
		assertThat(output).as(module).doesNotContain("Application run failed");
		assertThat(process.exitValue()).as(output).isZero();
	}

}
