package io.cartwright.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class AotCacheTest {

	private static final java.util.List<String> OPTIONS = PlatformSettings.DEFAULT_JVM_OPTIONS;

	private static final Instant BUILT = Instant.parse("2026-11-27T10:00:00Z");

	@TempDir
	Path home;

	@Test
	void runsWithCachesFromJdk25On() {
		assertThat(AotCache.supported(21)).isFalse();
		assertThat(AotCache.supported(24)).isFalse();
		assertThat(AotCache.supported(25)).isTrue();
		assertThat(AotCache.supported(26)).isTrue();
	}

	@Test
	void aCacheMadeAfterTheJarIsFresh() throws IOException {
		Path jar = file("catalog-service.jar", "jar", BUILT);
		Path cache = file("catalog-service.aot", "cache", BUILT.plusSeconds(40));
		assertThat(AotCache.freshness(cache, jar)).isEqualTo(AotCache.Freshness.FRESH);
	}

	@Test
	void aCacheOlderThanARebuiltJarIsStale() throws IOException {
		Path cache = file("catalog-service.aot", "cache", BUILT);
		Path jar = file("catalog-service.jar", "jar", BUILT.plusSeconds(1));
		assertThat(AotCache.freshness(cache, jar)).isEqualTo(AotCache.Freshness.OLDER_THAN_JAR);
	}

	@Test
	void noCacheOrAnEmptyOneIsMade() throws IOException {
		Path jar = file("catalog-service.jar", "jar", BUILT);
		assertThat(AotCache.freshness(this.home.resolve("catalog-service.aot"), jar))
			.isEqualTo(AotCache.Freshness.MISSING);
		Path empty = file("catalog-service.aot", "", BUILT.plusSeconds(40));
		assertThat(AotCache.freshness(empty, jar)).isEqualTo(AotCache.Freshness.EMPTY);
	}

	@Test
	void aServiceStartsWithItsCacheOnlyWhenItIsFresh() throws IOException {
		ServiceSpec spec = new ServiceSpec("catalog-service", 8081);
		Path jar = spec.jar(this.home);
		Files.createDirectories(jar.getParent().resolve("aot"));
		Files.writeString(jar, "jar");
		Files.setLastModifiedTime(jar, FileTime.from(BUILT));
		AotCache cache = new AotCache(spec, this.home, OPTIONS);
		assertThat(cache.file()).isEqualTo(this.home.resolve("catalog-service/target/aot/catalog-service.aot"));
		assertThat(cache.extractedJar())
			.isEqualTo(this.home.resolve("catalog-service/target/aot/app/catalog-service.jar"));
		assertThat(cache.jvmOptions()).isEmpty();

		Files.writeString(cache.trainingOutput(), "cache");
		assertThat(cache.keepTrainingOutput()).isTrue();
		assertThat(cache.trainingOutput()).doesNotExist();
		assertThat(cache.jvmOptions()).containsExactly("-XX:AOTCache=" + cache.file());

		Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
		assertThat(cache.jvmOptions()).isEmpty();
	}

	@Test
	void aCacheMadeForOtherJvmOptionsOrAnotherPlaceIsNotUsed() throws IOException {
		ServiceSpec spec = new ServiceSpec("gateway", 8080);
		Path jar = spec.jar(this.home);
		Files.createDirectories(jar.resolveSibling("aot"));
		Files.writeString(jar, "jar");
		Files.setLastModifiedTime(jar, FileTime.from(BUILT));
		AotCache cache = new AotCache(spec, this.home, OPTIONS);
		Files.writeString(cache.trainingOutput(), "cache");
		cache.keepTrainingOutput();
		assertThat(cache.freshness()).isEqualTo(AotCache.Freshness.FRESH);

		assertThat(new AotCache(spec, this.home, java.util.List.of("-XX:+UseSerialGC")).freshness())
			.isEqualTo(AotCache.Freshness.OTHER_RUNTIME);
		Path moved = this.home.resolveSibling(this.home.getFileName() + "-moved");
		try {
			Files.move(this.home.resolve("gateway"), Files.createDirectories(moved).resolve("gateway"));
			assertThat(new AotCache(spec, moved, OPTIONS).freshness()).isEqualTo(AotCache.Freshness.OTHER_RUNTIME);
		}
		finally {
			Files.move(moved.resolve("gateway"), this.home.resolve("gateway"));
			Files.delete(moved);
		}
	}

	@Test
	void anUnfinishedTrainingRunReplacesNoCache() throws IOException {
		ServiceSpec spec = new ServiceSpec("cart-service", 8082);
		Files.createDirectories(spec.jar(this.home).resolveSibling("aot"));
		AotCache cache = new AotCache(spec, this.home, OPTIONS);
		Files.writeString(cache.file(), "the cache of the last training run");
		Files.writeString(cache.trainingOutput(), "");
		assertThat(cache.keepTrainingOutput()).isFalse();
		assertThat(cache.trainingOutput()).doesNotExist();
		assertThat(cache.file()).hasContent("the cache of the last training run");
	}

	@Test
	void aCacheTheJvmRefusedIsDeletedSoTheNextStartMakesANewOne() throws IOException {
		ServiceSpec spec = new ServiceSpec("order-service", 8083);
		Files.createDirectories(spec.jar(this.home).resolveSibling("aot"));
		AotCache cache = new AotCache(spec, this.home, OPTIONS);
		Files.writeString(cache.file(), "cache");
		Path log = this.home.resolve("order-service.log");
		String earlierRun = "[0.008s][error  ][aot] An error has occurred while processing the AOT cache.\n";
		Files.writeString(log, earlierRun + "{\"message\":\"Started OrderApplication\"}\n");
		assertThat(cache.deleteIfRefused(log, earlierRun.length())).isFalse();
		assertThat(cache.file()).exists();

		long thisRun = Files.size(log);
		Files.writeString(log, "[0.008s][warning][aot] The AOT cache has a bad magic number: 0xbe03ee8e\n"
				+ "[0.008s][error  ][aot] An error has occurred while processing the AOT cache. Run with -Xlog:aot for details.\n",
				StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
		assertThat(cache.deleteIfRefused(log, thisRun)).isTrue();
		assertThat(cache.file()).doesNotExist();
	}

	@Test
	void aDeletedCacheIsMissing() throws IOException {
		ServiceSpec spec = new ServiceSpec("auth-server", 9000);
		Files.createDirectories(spec.jar(this.home).resolveSibling("aot"));
		Files.writeString(spec.jar(this.home), "jar");
		AotCache cache = new AotCache(spec, this.home, OPTIONS);
		Files.writeString(cache.trainingOutput(), "cache");
		cache.keepTrainingOutput();
		cache.delete();
		assertThat(cache.freshness()).isEqualTo(AotCache.Freshness.MISSING);
	}

	private Path file(String name, String content, Instant modified) throws IOException {
		Path file = Files.writeString(this.home.resolve(name), content);
		Files.setLastModifiedTime(file, FileTime.from(modified));
		return file;
	}

}
