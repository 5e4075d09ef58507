package io.cartwright.launcher;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformSettingsTest {

	private final Path home = Path.of("/repo");

	@Test
	void defaultsToTheUsualPortsAndDataInTheRepository() {
		PlatformSettings settings = PlatformSettings.parse(this.home);
		assertThat(settings.port("mysql")).isEqualTo(3306);
		assertThat(settings.port("redis")).isEqualTo(6379);
		assertThat(settings.port("kafka")).isEqualTo(9092);
		assertThat(settings.port("gateway")).isEqualTo(8080);
		assertThat(settings.configServer().port()).isEqualTo(8888);
		assertThat(settings.dataDir()).isEqualTo(this.home.resolve(".cartwright"));
		assertThat(settings.reset()).isFalse();
		assertThat(settings.aotCache()).isTrue();
	}

	@Test
	void givesFreedNativeMemoryBackOnlyOnJdksThatCan() {
		assertThat(PlatformSettings.defaultJvmOptions(21)).containsExactly("-Xms64m", "-Xmx384m",
				"-XX:+ExitOnOutOfMemoryError");
		assertThat(PlatformSettings.defaultJvmOptions(25)).contains("-Xmx384m", "-XX:TrimNativeHeapInterval=10000");
	}

	@Test
	void startsWithoutAotCachesWhenAsked() {
		assertThat(PlatformSettings.parse(this.home, "--no-aot-cache").aotCache()).isFalse();
		assertThat(PlatformSettings.parse(this.home, "--no-aot-cache")
			.withEnvironment(java.util.Map.of("A", "b"))
			.aotCache()).isFalse();
	}

	@Test
	void movesOnePortAndResetsWhenAsked() {
		PlatformSettings settings = PlatformSettings.parse(this.home, "--mysql-port=13306", "--reset",
				"--data-dir=/tmp/cw");
		assertThat(settings.port("mysql")).isEqualTo(13306);
		assertThat(settings.port("redis")).isEqualTo(6379);
		assertThat(settings.reset()).isTrue();
		assertThat(settings.dataDir()).isEqualTo(Path.of("/tmp/cw"));
	}

	@Test
	void refusesAnUnknownArgumentWithTheUsage() {
		assertThatThrownBy(() -> PlatformSettings.parse(this.home, "--turbo")).isInstanceOf(LaunchException.class)
			.hasMessageContaining("Unknown argument '--turbo'")
			.hasMessageContaining("--<name>-port");
	}

	@Test
	void refusesAPortThatIsNotANumberInRange() {
		assertThatThrownBy(() -> PlatformSettings.parse(this.home, "--redis-port=70000"))
			.isInstanceOf(LaunchException.class)
			.hasMessageContaining("--redis-port takes a port number from 1 to 65535, not '70000'");
	}

	@Test
	void givesEveryPartItsOwnFreePortForTests() {
		PlatformSettings settings = PlatformSettings.onFreePorts(this.home, Path.of("/tmp/x"));
		assertThat(settings.ports()).hasSameSizeAs(PlatformSettings.DEFAULT_PORTS);
		assertThat(settings.ports().values()).doesNotHaveDuplicates().doesNotContain(3306, 8080);
	}

}
