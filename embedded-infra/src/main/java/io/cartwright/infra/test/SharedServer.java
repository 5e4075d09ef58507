package io.cartwright.infra.test;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;

/**
 * A server started at most once per JVM, on first use, and stopped when the JVM shuts
 * down: by a Spring Boot shutdown handler, which runs only after every application
 * context of the JVM has been closed. A plain JVM shutdown hook would run concurrently
 * with the contexts' closing, and a context still sending to Kafka or completing outbox
 * publications would then wait on a database or broker that is already gone (until the
 * test JVM's 30-second exit timeout kills it).
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
			SpringApplication.getShutdownHandlers().add(() -> stop(started));
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
