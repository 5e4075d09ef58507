package io.cartwright.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Ports on the loopback interface, the only interface the embedded servers bind to.
 */
final class LocalPorts {

	static final String HOST = "127.0.0.1";

	private LocalPorts() {
	}

	/**
	 * Returns a port that is free on {@value #HOST} right now.
	 * @return a free port
	 */
	static int findFree() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Found no free port on " + HOST, ex);
		}
	}

	/**
	 * Returns the given port, or a free one when it is {@code 0}, after checking that
	 * nothing listens on it.
	 * @param port the wanted port, {@code 0} for any free port
	 * @param server what wants the port, for the error message
	 * @return the port to use
	 * @throws PortInUseException if the port is taken
	 */
	static int freeOrRequire(int port, String server) {
		if (port == 0) {
			return findFree();
		}
		requireFree(port, server);
		return port;
	}

	/**
	 * Checks that the port can be bound on {@value #HOST}.
	 * @param port the port
	 * @param server what wants the port, for the error message
	 * @throws PortInUseException if the port is taken
	 */
	static void requireFree(int port, String server) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port), 1);
		}
		catch (IOException ex) {
			throw new PortInUseException(server, port, ex);
		}
	}

}
