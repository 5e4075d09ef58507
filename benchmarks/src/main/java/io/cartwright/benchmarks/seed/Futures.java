package io.cartwright.benchmarks.seed;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for a result whose failure should simply end the run. */
final class Futures {

	private Futures() {
	}

	static <T> T get(Future<T> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException(ex.getCause());
		}
	}

}
