package io.cartwright.infra;

/**
 * Thrown when an embedded server cannot start because its port is already taken.
 */
public class PortInUseException extends IllegalStateException {

	private final int port;

	/**
	 * Creates the exception.
	 * @param server the server that wanted the port
	 * @param port the port that is taken
	 * @param cause what the bind attempt reported
	 */
	public PortInUseException(String server, int port, Throwable cause) {
		super(server + " cannot start: port " + port + " on " + LocalPorts.HOST
				+ " is already in use (is another instance still running?). Stop whatever listens there or choose another port.",
				cause);
		this.port = port;
	}

	/**
	 * Returns the port that is taken.
	 * @return the port
	 */
	public int getPort() {
		return this.port;
	}

}
