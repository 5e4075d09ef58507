package io.cartwright.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a downstream service: answers every request with JSON naming itself and
 * the path it received, and remembers the paths.
 */
final class RecordingUpstream implements AutoCloseable {

	private final String name;

	private final HttpServer server;

	private final List<String> paths = new CopyOnWriteArrayList<>();

	private RecordingUpstream(String name) throws IOException {
		this.name = name;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			String path = exchange.getRequestURI().getRawPath();
			this.paths.add(path);
			byte[] body = ("{\"service\":\"" + this.name + "\",\"path\":\"" + path + "\"}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			// As a service answering a create: the new resource's path, relative to
			// itself.
			exchange.getResponseHeaders().add("Location", path);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.start();
	}

	static RecordingUpstream start(String name) throws IOException {
		return new RecordingUpstream(name);
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	List<String> paths() {
		return this.paths;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
