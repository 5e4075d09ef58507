package io.cartwright.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalPlatformTest {

	@TempDir
	Path home;

	@Test
	void namesTheMissingJarsAndHowToBuildThem() {
		assertThatThrownBy(
				() -> LocalPlatform.start(PlatformSettings.onFreePorts(this.home, this.home.resolve("data"))))
			.isInstanceOf(LaunchException.class)
			.hasMessageContaining("catalog-service.jar")
			.hasMessageContaining("./mvnw -DskipTests package");
	}

	@Test
	void namesATakenPortAndTheOptionThatMovesIt() throws IOException {
		fakeJars();
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			PlatformSettings free = PlatformSettings.onFreePorts(this.home, this.home.resolve("data"));
			PlatformSettings settings = PlatformSettings.parse(this.home, "--data-dir=" + this.home.resolve("data"),
					"--redis-port=" + taken.getLocalPort(), "--mysql-port=" + free.port("mysql"),
					"--kafka-port=" + free.port("kafka"), "--kafka-controller-port=" + free.port("kafka-controller"),
					"--config-server-port=" + free.port("config-server"), "--auth-port=" + free.port("auth"),
					"--catalog-port=" + free.port("catalog"), "--cart-port=" + free.port("cart"),
					"--order-port=" + free.port("order"), "--gateway-port=" + free.port("gateway"));
			assertThatThrownBy(() -> LocalPlatform.start(settings)).isInstanceOf(LaunchException.class)
				.hasMessage("Port %d (redis) is in use. Stop what uses it, or choose another port with --redis-port=N."
					.formatted(taken.getLocalPort()));
		}
	}

	@Test
	void refusesToResetAFolderThatIsNotCartwrightData() throws IOException {
		fakeJars();
		Path precious = Files.createDirectories(this.home.resolve("precious"));
		Files.writeString(precious.resolve("thesis.txt"), "years of work");
		PlatformSettings settings = PlatformSettings.parse(this.home, "--reset", "--data-dir=" + precious);
		assertThatThrownBy(() -> LocalPlatform.start(settings)).isInstanceOf(LaunchException.class)
			.hasMessageContaining("Refusing to reset");
		assertThat(precious.resolve("thesis.txt")).exists();
	}

	private void fakeJars() throws IOException {
		for (String module : new String[] { "config-server", "auth-server", "catalog-service", "cart-service",
				"order-service", "gateway" }) {
			Path jar = this.home.resolve(module).resolve("target").resolve(module + ".jar");
			Files.createDirectories(jar.getParent());
			Files.writeString(jar, "not really a jar");
		}
	}

}
