package io.cartwright.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

/**
 * An OpenTelemetry collector as small as a test needs: an OTLP/HTTP receiver on 127.0.0.1
 * ({@code POST /v1/traces}, protobuf, as the services' exporters send it) that keeps
 * every span it is sent, with the {@code service.name} of the resource it came from.
 * Started once per test JVM, before the platform, which exports to it.
 */
final class TraceCollector {

	private static TraceCollector instance;

	private final HttpServer server;

	private final ConcurrentLinkedQueue<ReceivedSpan> spans = new ConcurrentLinkedQueue<>();

	private TraceCollector() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		this.server.createContext("/v1/traces", this::receive);
		this.server.setExecutor(Executors.newFixedThreadPool(2, (task) -> {
			Thread thread = new Thread(task, "otlp-receiver");
			thread.setDaemon(true);
			return thread;
		}));
		this.server.start();
	}

	/**
	 * The collector of this JVM, started on first use.
	 * @return the collector
	 */
	static synchronized TraceCollector get() {
		if (instance == null) {
			try {
				instance = new TraceCollector();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return instance;
	}

	/**
	 * Where the services send their spans ({@code OTLP_TRACING_ENDPOINT}).
	 * @return the traces URL
	 */
	String endpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1/traces";
	}

	/**
	 * The spans received so far.
	 * @return a copy, in the order they arrived
	 */
	List<ReceivedSpan> spans() {
		return List.copyOf(this.spans);
	}

	/**
	 * The spans of one trace received so far.
	 * @param traceId the trace id, 32 hex digits
	 * @return its spans
	 */
	List<ReceivedSpan> trace(String traceId) {
		return this.spans.stream().filter((span) -> span.traceId().equals(traceId)).toList();
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!"POST".equals(exchange.getRequestMethod())) {
				exchange.sendResponseHeaders(405, -1);
				return;
			}
			byte[] body;
			try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
					? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			keep(ExportTraceServiceRequest.parseFrom(body));
			byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
			exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		}
	}

	private void keep(ExportTraceServiceRequest request) {
		HexFormat hex = HexFormat.of();
		for (ResourceSpans resource : request.getResourceSpansList()) {
			String service = attributes(resource.getResource().getAttributesList()).getOrDefault("service.name", "?");
			for (ScopeSpans scope : resource.getScopeSpansList()) {
				for (io.opentelemetry.proto.trace.v1.Span span : scope.getSpansList()) {
					this.spans.add(new ReceivedSpan(service, hex.formatHex(span.getTraceId().toByteArray()),
							hex.formatHex(span.getSpanId().toByteArray()),
							hex.formatHex(span.getParentSpanId().toByteArray()), span.getName(),
							span.getKind().name().replace("SPAN_KIND_", ""), attributes(span.getAttributesList())));
				}
			}
		}
	}

	private static Map<String, String> attributes(List<KeyValue> values) {
		Map<String, String> attributes = new HashMap<>();
		for (KeyValue value : values) {
			attributes.put(value.getKey(), text(value.getValue()));
		}
		return attributes;
	}

	private static String text(AnyValue value) {
		return switch (value.getValueCase()) {
			case STRING_VALUE -> value.getStringValue();
			case BOOL_VALUE -> String.valueOf(value.getBoolValue());
			case INT_VALUE -> String.valueOf(value.getIntValue());
			case DOUBLE_VALUE -> String.valueOf(value.getDoubleValue());
			case ARRAY_VALUE -> {
				List<String> items = new ArrayList<>();
				value.getArrayValue().getValuesList().forEach((item) -> items.add(text(item)));
				yield String.join(",", items);
			}
			default -> value.toString();
		};
	}

	/**
	 * A span as a service exported it.
	 *
	 * @param service the {@code service.name} of its resource
	 * @param traceId the trace id (hex)
	 * @param spanId the span id (hex)
	 * @param parentSpanId the parent's span id (hex), empty for a root
	 * @param name the span's name
	 * @param kind {@code SERVER}, {@code CLIENT}, {@code PRODUCER}, {@code CONSUMER} or
	 * {@code INTERNAL}
	 * @param attributes its attributes as text
	 */
	record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, String kind,
			Map<String, String> attributes) {

		boolean mentions(String text) {
			return this.name.contains(text)
					|| this.attributes.values().stream().anyMatch((value) -> value.contains(text));
		}

		@Override
		public String toString() {
			return this.service + " " + this.kind + " '" + this.name + "' " + this.spanId + "<-" + this.parentSpanId
					+ " " + this.attributes;
		}

	}

}
