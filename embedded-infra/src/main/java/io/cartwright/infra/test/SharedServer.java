package io.cartwright.infra.test;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server started at most once per JVM, on first use, and stopped by its own shutdown
 * hook (so that the servers of a JVM stop in parallel).
 *
 * @param <T> the server type
 */
final class SharedServer<T extends AutoCloseable> {

	private static final Logger logger = LoggerFactory.getLogger(SharedServer.class);

	private final String name;

	private final Supplier<T> starter;

	private T server;

	SharedServer(String name, Supplier<T> starter) {
		this.name = name;
		this.starter = starter;
	}

	synchronized T get() {
		if (this.server == null) {
			T started = this.starter.get();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started), "stop-shared-" + this.name));
			this.server = started;
		}
		return this.server;
	}

	private void stop(T started) {
		try {
			started.close();
		}
		catch (Exception ex) {
			logger.warn("Could not stop the shared {} server", this.name, ex);
		}
	}

}
