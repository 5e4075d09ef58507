package io.cartwright.deployment;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The build's own kubectl: the pinned version, verified; a tampered download or a
 * registry that cannot be reached fails the build instead of skipping the Kubernetes
 * checks.
 */
class KubectlTest {

	@Test
	void runsThePinnedVerifiedKubectl() throws IOException {
		Path kubectl = Kubectl.executable();
		if (System.getProperty("cartwright.kubectl") == null && System.getenv("CARTWRIGHT_KUBECTL") == null) {
			assertThat(Kubectl.sha256(kubectl)).isEqualTo(Kubectl.KUBECTL_SHA256);
			assertThat(Kubectl.run(List.of("version", "--client"))).contains("v" + Kubectl.KUBECTL_VERSION)
				.contains("Kustomize Version: v5.");
		}
		else {
			assertThat(Kubectl.run(List.of("version", "--client"))).contains("Kustomize Version");
		}
	}

	@Test
	void refusesAPackageWhoseIntegrityIsNotThePinnedOne(@TempDir Path cache) throws IOException {
		HttpServer registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		registry.createContext("/", (exchange) -> {
			byte[] body = "not the package".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		registry.start();
		try {
			String url = "http://127.0.0.1:" + registry.getAddress().getPort();
			assertThatThrownBy(() -> Kubectl.install(url, cache)).hasMessageContaining("Could not install kubectl")
				.rootCause()
				.hasMessageContaining("not the pinned " + Kubectl.PACKAGE_INTEGRITY);
			assertThat(cache.resolve("kubectl-" + Kubectl.KUBECTL_VERSION + "/kubectl")).doesNotExist();
		}
		finally {
			registry.stop(0);
		}
	}

	@Test
	void failsLoudlyWhenTheRegistryCannotBeReached(@TempDir Path cache) {
		assertThatThrownBy(() -> Kubectl.install("http://127.0.0.1:9", cache))
			.hasMessageContaining("install kubectl 1.30+ and run with -Dcartwright.kubectl=PATH");
		assertThat(Files.exists(cache.resolve("kubectl-" + Kubectl.KUBECTL_VERSION + "/kubectl"))).isFalse();
	}

}
