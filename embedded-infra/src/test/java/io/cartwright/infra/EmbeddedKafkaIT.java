package io.cartwright.infra;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class EmbeddedKafkaIT {

	@Test
	void deliversAfterRestartWhatWasProducedBeforeOnPersistentLogDir(@TempDir Path logDir) throws Exception {
		try (EmbeddedKafka kafka = EmbeddedKafka.builder().logDir(logDir).start()) {
			produce(kafka, "persisted", "before-restart");
		}
		try (EmbeddedKafka kafka = EmbeddedKafka.builder().logDir(logDir).start()) {
			assertThat(consumeOne(kafka, "persisted")).isEqualTo("before-restart");
		}
	}

	@Test
	void deletesTemporaryLogDirOnStop() throws Exception {
		EmbeddedKafka kafka = EmbeddedKafka.builder().start();
		Path logDir = kafka.logDir();
		produce(kafka, "auto-created", "hello");
		assertThat(consumeOne(kafka, "auto-created")).isEqualTo("hello");
		kafka.stop();
		assertThat(logDir).doesNotExist();
	}

	@Test
	void failsClearlyWhenThePortIsTaken() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			assertThatThrownBy(() -> EmbeddedKafka.builder().port(taken.getLocalPort()).start())
				.isInstanceOf(PortInUseException.class)
				.hasMessageContaining("Kafka")
				.hasMessageContaining("port " + taken.getLocalPort());
		}
	}

	private static void produce(EmbeddedKafka kafka, String topic, String value) throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
			producer.send(new ProducerRecord<>(topic, "key", value)).get();
		}
	}

	private static String consumeOne(EmbeddedKafka kafka, String topic) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "embedded-kafka-it", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		List<String> received = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> received.add(record.value()));
				return !received.isEmpty();
			});
		}
		return received.get(0);
	}

}
