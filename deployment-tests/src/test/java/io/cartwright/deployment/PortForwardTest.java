package io.cartwright.deployment;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The debug profile's forwarder (docker/debug/PortForward.java), run as Compose runs it:
 * as a single-file program; here on the loopback address, in front of a small echo
 * server.
 */
class PortForwardTest {

	@Test
	void forwardsAConnectionBothWays() throws Exception {
		try (ServerSocket echo = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
			Thread.ofVirtual().start(() -> echo(echo));
			int listen;
			try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				listen = free.getLocalPort();
			}
			ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
					Repository.path("docker/debug/PortForward.java").toString(),
					listen + "=127.0.0.1:" + echo.getLocalPort())
				.redirectErrorStream(true);
			builder.environment().put("BIND_ADDRESS", "127.0.0.1");
			Process forwarder = builder.start();
			try {
				BufferedReader output = new BufferedReader(
						new InputStreamReader(forwarder.getInputStream(), StandardCharsets.UTF_8));
				assertThat(output.readLine())
					.isEqualTo("Forwarding port " + listen + " to 127.0.0.1:" + echo.getLocalPort());
				for (String message : List.of("first connection", "second connection")) {
					try (Socket client = new Socket(InetAddress.getLoopbackAddress(), listen)) {
						client.setSoTimeout(10_000);
						OutputStream out = client.getOutputStream();
						out.write((message + "\n").getBytes(StandardCharsets.UTF_8));
						out.flush();
						BufferedReader in = new BufferedReader(
								new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
						assertThat(in.readLine()).isEqualTo("echo: " + message);
					}
				}
			}
			finally {
				forwarder.destroy();
				forwarder.waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

	private static void echo(ServerSocket server) {
		while (!server.isClosed()) {
			try {
				Socket socket = server.accept();
				Thread.ofVirtual().start(() -> {
					try (socket) {
						BufferedReader in = new BufferedReader(
								new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
						OutputStream out = socket.getOutputStream();
						out.write(("echo: " + in.readLine() + "\n").getBytes(StandardCharsets.UTF_8));
						out.flush();
					}
					catch (Exception ex) {
						// the client went away
					}
				});
			}
			catch (Exception ex) {
				return;
			}
		}
	}

}
