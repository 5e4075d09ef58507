package io.cartwright.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static io.cartwright.deployment.Repository.at;
import static io.cartwright.deployment.Repository.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker/Dockerfile builds the modules that really build a Spring Boot jar at the path it
 * copies, extracts the layers those jars really have, and runs them the way the issue
 * asks: pinned JRE 21+, non-root, container-aware heap, exec-form entrypoint, AOT cache.
 */
class DockerfileTest {

	private static final String DOCKERFILE = Repository.read("docker/Dockerfile");

	@Test
	void buildsExactlyTheModulesThatPackageASpringBootJar() throws IOException {
		Matcher modules = Pattern.compile("\\n\\s+([a-z-]+(\\|[a-z-]+)+)\\) ;;").matcher(DOCKERFILE);
		assertThat(modules.find()).as("the MODULE check").isTrue();
		List<String> named = List.of(modules.group(1).split("\\|"));
		List<String> bootModules = new ArrayList<>();
		Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Repository.read("pom.xml"));
		while (module.find()) {
			// A Spring Boot application: repackaged by the Boot plugin, and named like
			// its module.
			String name = module.group(1);
			Path config = Repository.path(name + "/src/main/resources/application.yml");
			if (Repository.read(name + "/pom.xml").contains("<artifactId>spring-boot-maven-plugin</artifactId>")
					&& Files.isRegularFile(config) && name
						.equals(at(Yaml.loadAll(Files.readString(config)).get(0), "spring", "application", "name"))) {
				bootModules.add(name);
			}
		}
		assertThat(named).containsExactlyInAnyOrderElementsOf(bootModules)
			.containsExactlyInAnyOrderElementsOf(Repository.SERVICES);
		assertThat(DOCKERFILE).contains("./mvnw -B -q -pl \"${MODULE}\" -am")
			.contains("--mount=type=cache,target=/root/.m2")
			.contains("-jar \"${MODULE}/target/${MODULE}.jar\" extract --layers");
		assertThat(Repository.read("pom.xml")).contains("<finalName>${project.artifactId}</finalName>");
		for (String service : named) {
			assertThat(Repository.path(service + "/target/" + service + ".jar")).as(service).isRegularFile();
		}
	}

	@Test
	void copiesTheLayersTheJarsHaveAsTheDockerfileExtractsThem(@TempDir Path temp) throws Exception {
		List<String> copied = new ArrayList<>();
		Matcher copy = Pattern.compile("COPY --from=build /layers/([a-z-]+)/ \\./").matcher(DOCKERFILE);
		while (copy.find()) {
			copied.add(copy.group(1));
		}
		assertThat(copied).containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies",
				"application");
		for (String service : Repository.SERVICES) {
			Path jar = Repository.path(service + "/target/" + service + ".jar");
			assertThat(java(temp, "-Djarmode=tools", "-jar", jar.toString(), "list-layers").lines().toList())
				.as(service)
				.containsExactlyElementsOf(copied);
			Path layers = temp.resolve(service);
			java(temp, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--layers", "--destination",
					layers.toString(), "--application-filename", "app.jar");
			assertThat(layers.resolve("application/app.jar")).as(service).isRegularFile();
			try (Stream<Path> libraries = Files.list(layers.resolve("dependencies/lib"))) {
				assertThat(libraries.count()).as(service).isGreaterThan(20);
			}
		}
	}

	@Test
	void runsOnAPinnedJre21OrNewerAsANonRootUserWithAContainerAwareHeap() {
		String jre = arg("JRE_IMAGE");
		String jdk = arg("JDK_IMAGE");
		Matcher version = Pattern.compile("eclipse-temurin:(\\d+)\\.\\d+\\.\\d+_\\d+-jre-[a-z]+").matcher(jre);
		assertThat(version.matches()).as(jre).isTrue();
		assertThat(Integer.parseInt(version.group(1))).isGreaterThanOrEqualTo(21);
		assertThat(jdk).isEqualTo(jre.replace("-jre-", "-jdk-"));
		assertThat(DOCKERFILE).contains("FROM ${JDK_IMAGE} AS build").contains("FROM ${JRE_IMAGE}\n");
		assertThat(DOCKERFILE).doesNotContainPattern("(?i)FROM\\s+\\S+:latest");
		Matcher user = Pattern.compile("\\nUSER (\\d+):(\\d+)\\n").matcher(DOCKERFILE);
		assertThat(user.find()).isTrue();
		assertThat(Integer.parseInt(user.group(1))).isEqualTo(10001);
		Map<String, Object> gateway = Manifests.of("k8s/overlays/dev").get("Deployment", "gateway");
		assertThat(at(gateway, "spec", "template", "spec", "securityContext", "runAsUser")).isEqualTo(10001);
		assertThat(Compose.services(Compose.raw())).extractingByKey("debug-ports")
			.satisfies((debug) -> assertThat(map(debug).get("image")).as("the forwarder runs on the build's JDK")
				.isEqualTo(jdk));
	}

	@Test
	void startsJavaAsPid1WithTheAotCacheItTrainedFor() {
		Matcher entrypoint = Pattern.compile("\\nENTRYPOINT (\\[.*])\\n").matcher(DOCKERFILE);
		assertThat(entrypoint.find()).as("an exec-form ENTRYPOINT").isTrue();
		List<String> command = JsonMapper.builder().build().readValue(entrypoint.group(1), List.class);
		assertThat(command.get(0)).isEqualTo("java");
		assertThat(command).contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError")
			.endsWith("-jar", "app.jar");
		String cache = command.stream()
			.filter((option) -> option.startsWith("-XX:AOTCache="))
			.findFirst()
			.orElseThrow();
		assertThat(DOCKERFILE).contains("-XX:AOTCacheOutput=" + cache.substring("-XX:AOTCache=".length()))
			.contains("-Dspring.context.exit=onRefresh")
			.contains("-Dspring.cloud.config.enabled=false")
			.contains("source=/workspace/config-server/config-repo,target=/tmp/config-repo");
		for (String service : Repository.CONFIG_CLIENTS) {
			assertThat(Repository.path("config-server/config-repo/" + service + ".yml")).as("trained with")
				.isRegularFile();
		}
		assertThat(DOCKERFILE).doesNotContain("HEALTHCHECK NONE");
	}

	@Test
	void keepsBuildOutputLocalDataAndSecretsOutOfTheBuildContext() {
		List<String> ignored = Repository.read(".dockerignore")
			.lines()
			.filter((line) -> !line.startsWith("#"))
			.toList();
		assertThat(ignored).contains("**/target/", ".cartwright/", ".git/", "**/.env", "k8s/**/secrets.env");
		assertThat(new TreeSet<>(ignored)).doesNotContain("mvnw", ".mvn/", "pom.xml");
	}

	private static String arg(String name) {
		Matcher matcher = Pattern.compile("\\nARG " + name + "=(\\S+)\\n").matcher(DOCKERFILE);
		assertThat(matcher.find()).as(name).isTrue();
		return matcher.group(1);
	}

	private static String java(Path workDir, String... args) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

}
