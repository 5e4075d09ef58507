package io.cartwright.infra;

import ch.vorburger.exec.OutputStreamLogDispatcher;
import ch.vorburger.exec.OutputStreamType;
import org.slf4j.event.Level;

/**
 * Logs MariaDB's own errors as errors and the rest of its chatter at debug level.
 */
final class MariaDbLogDispatcher extends OutputStreamLogDispatcher {

	@Override
	public Level dispatch(OutputStreamType type, String line) {
		return line.contains("[ERROR]") ? Level.ERROR : Level.DEBUG;
	}

}
