package io.cartwright.benchmarks.measure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessSamplerTest {

	@Test
	void measuresTheCpuAndMemoryOfARunningProcess() throws InterruptedException {
		long self = ProcessHandle.current().pid();
		ProcessSampler sampler = ProcessSampler.start(Map.of("this JVM", self));
		long spin = System.nanoTime() + 300_000_000L;
		long sum = 0;
		while (System.nanoTime() < spin) {
			sum += System.nanoTime() % 7;
		}
		Map<String, ProcessSampler.Usage> usage = sampler.stop();
		assertThat(sum).isPositive();
		assertThat(usage.get("this JVM").cpuPercent()).isGreaterThan(20);
		assertThat(usage.get("this JVM").maxRssMb()).isGreaterThan(10);
		assertThat(ProcessSampler.threads(self)).isGreaterThan(1);
	}

	@Test
	void aProcessThatIsGoneUsesNothing() {
		ProcessSampler sampler = ProcessSampler.start(Map.of("gone", Long.MAX_VALUE));
		assertThat(sampler.stop().get("gone")).isEqualTo(new ProcessSampler.Usage(0, 0));
	}

}
