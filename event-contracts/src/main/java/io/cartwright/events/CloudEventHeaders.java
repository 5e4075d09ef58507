package io.cartwright.events;

/**
 * The CloudEvents 1.0 envelope in Kafka binary mode: the attributes travel as record
 * headers, the event record itself as the JSON value.
 *
 * @see <a href=
 * "https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/bindings/kafka-protocol-binding.md">Kafka
 * protocol binding</a>
 */
public final class CloudEventHeaders {

	/** Unique per event; consumers use it to apply an event exactly once. */
	public static final String ID = "ce_id";

	/** The event's type and version, for example {@value OrderPlaced#TYPE}. */
	public static final String TYPE = "ce_type";

	/** The producing service, for example {@code /cartwright/order-service}. */
	public static final String SOURCE = "ce_source";

	/** When the fact happened, RFC 3339. */
	public static final String TIME = "ce_time";

	/** The aggregate the event is about (the same as the record key). */
	public static final String SUBJECT = "ce_subject";

	/** Always {@value #SPEC_VERSION_1_0}. */
	public static final String SPEC_VERSION = "ce_specversion";

	/** The content type of the value, always {@value #JSON}. */
	public static final String CONTENT_TYPE = "content-type";

	/** The CloudEvents specification version used. */
	public static final String SPEC_VERSION_1_0 = "1.0";

	/** The content type of every event value. */
	public static final String JSON = "application/json";

	private CloudEventHeaders() {
	}

	/**
	 * The {@code ce_source} of a Cartwright service.
	 * @param serviceName the service's {@code spring.application.name}
	 * @return the source URI reference
	 */
	public static String sourceOf(String serviceName) {
		return "/cartwright/" + serviceName;
	}

}
