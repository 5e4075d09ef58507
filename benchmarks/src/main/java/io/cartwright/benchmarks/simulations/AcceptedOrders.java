package io.cartwright.benchmarks.simulations;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The file of {@code bench.accepted}: one order id a line for every order answered 202,
 * which the orchestrator checks against the database after the run. Virtual users append
 * from Gatling's threads, hence the lock; each line is flushed, so that a run stopped by
 * {@code maxDuration} still leaves every accepted order in the file.
 */
final class AcceptedOrders implements AutoCloseable {

	private final Path file;

	private BufferedWriter writer;

	private AcceptedOrders(Path file) {
		this.file = file;
	}

	/** The file named by {@code bench.accepted}. */
	static AcceptedOrders fromProperty() {
		return new AcceptedOrders(Path.of(Bench.string("bench.accepted")));
	}

	synchronized void append(String orderId) {
		try {
			if (this.writer == null) {
				Path parent = this.file.toAbsolutePath().getParent();
				if (parent != null) {
					Files.createDirectories(parent);
				}
				this.writer = Files.newBufferedWriter(this.file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
						StandardOpenOption.APPEND);
			}
			this.writer.write(orderId);
			this.writer.newLine();
			this.writer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not append to " + this.file, ex);
		}
	}

	@Override
	public synchronized void close() {
		if (this.writer != null) {
			try {
				this.writer.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not close " + this.file, ex);
			}
			this.writer = null;
		}
	}

}
