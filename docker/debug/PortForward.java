import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Forwards TCP ports to other containers, for Compose's {@code debug} profile: MySQL, Redis
 * and Kafka stay unpublished by default, and this one small process publishes them on
 * demand. Run as a single-file program by the JDK image the Dockerfile builds with:
 * {@code java PortForward.java 3306=mysql:3306 6379=redis:6379 29092=kafka:29092}. It listens
 * on every interface of the container (Compose publishes the ports on the host's loopback
 * only), or on {@code BIND_ADDRESS}.
 */
public final class PortForward {

	public static void main(String[] args) throws Exception {
		if (args.length == 0) {
			System.err.println("Usage: java PortForward.java <listen-port>=<host>:<port> ...");
			System.exit(2);
		}
		String bindAddress = System.getenv().getOrDefault("BIND_ADDRESS", "0.0.0.0");
		for (String rule : args) {
			int equals = rule.indexOf('=');
			int colon = rule.lastIndexOf(':');
			if (equals < 1 || colon < equals) {
				System.err.println("Not <listen-port>=<host>:<port>: " + rule);
				System.exit(2);
			}
			int listenPort = Integer.parseInt(rule.substring(0, equals));
			String host = rule.substring(equals + 1, colon);
			int port = Integer.parseInt(rule.substring(colon + 1));
			ServerSocket server = new ServerSocket();
			server.bind(new InetSocketAddress(bindAddress, listenPort));
			System.out.printf("Forwarding port %d to %s:%d%n", server.getLocalPort(), host, port);
			Thread.ofVirtual().start(() -> accept(server, host, port));
		}
		Thread.currentThread().join();
	}

	private static void accept(ServerSocket server, String host, int port) {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				Thread.ofVirtual().start(() -> connect(client, host, port));
			}
			catch (IOException ex) {
				System.err.println("Accept failed on port " + server.getLocalPort() + ": " + ex.getMessage());
			}
		}
	}

	private static void connect(Socket client, String host, int port) {
		try (client; Socket target = new Socket(host, port)) {
			Thread back = Thread.ofVirtual().start(() -> copy(target, client));
			copy(client, target);
			back.join();
		}
		catch (IOException ex) {
			System.err.println("Cannot reach " + host + ":" + port + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void copy(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		}
		catch (IOException ex) {
			// the other side closed; closing both ends below ends the pair
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

}
