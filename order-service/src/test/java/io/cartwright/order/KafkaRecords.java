package io.cartwright.order;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import org.springframework.kafka.core.ConsumerFactory;

import static org.awaitility.Awaitility.await;

/**
 * Reads a topic from its beginning as a fresh consumer group would, for assertions on
 * what the service sent.
 */
public final class KafkaRecords implements AutoCloseable {

	private final Consumer<Object, Object> consumer;

	private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

	@SuppressWarnings("unchecked")
	public KafkaRecords(ConsumerFactory<?, ?> factory, String topic) {
		this.consumer = (Consumer<Object, Object>) factory.createConsumer("test-" + UUID.randomUUID(), "test");
		this.consumer.subscribe(List.of(topic));
	}

	/**
	 * Waits for records with the given key until the predicate holds for them.
	 * @return the records with that key, in order
	 */
	public List<ConsumerRecord<String, byte[]>> awaitKey(String key,
			Predicate<List<ConsumerRecord<String, byte[]>>> done) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> {
			poll();
			return this.seen.stream().filter((record) -> key.equals(record.key())).toList();
		}, done);
	}

	/** Reads what arrives within the given time and returns the records with that key. */
	public List<ConsumerRecord<String, byte[]>> readFor(Duration duration, String key) {
		long end = System.nanoTime() + duration.toNanos();
		while (System.nanoTime() < end) {
			poll();
		}
		return this.seen.stream().filter((record) -> key.equals(record.key())).toList();
	}

	@SuppressWarnings("unchecked")
	private void poll() {
		this.consumer.poll(Duration.ofMillis(200))
			.forEach((record) -> this.seen.add((ConsumerRecord<String, byte[]>) (ConsumerRecord<?, ?>) record));
	}

	public static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
