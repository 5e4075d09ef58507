package io.cartwright.benchmarks.measure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WrkTest {

	@Test
	void readsTheFiguresThePathsScriptPrints() {
		LoadResult result = Wrk.parse("product by id",
				"{\"requests\":120000,\"durationMicros\":30000000,\"connectErrors\":0,\"readErrors\":1,"
						+ "\"writeErrors\":0,\"statusErrors\":2,\"timeouts\":3,\"p50Micros\":4100,"
						+ "\"p95Micros\":9000,\"p99Micros\":15500,\"maxMicros\":82000}");
		assertThat(result.perSecond()).isEqualTo(4000.0);
		assertThat(result.errors()).isEqualTo(6);
		assertThat(result.p50()).isEqualTo(4.1);
		assertThat(result.p99()).isEqualTo(15.5);
		assertThat(result.max()).isEqualTo(82.0);
		assertThat(result.tool()).isEqualTo("wrk");
	}

	@Test
	void throughputIsComparedWithTheBaselineOfTheSameGenerator() {
		LoadResult load = new LoadResult("load", "wrk", 1, 2500, 0, 1, 1, 1, 1);
		LoadResult baseline = new LoadResult("static", "wrk", 1, 10_000, 0, 1, 1, 1, 1);
		assertThat(load.throughputRatio(baseline)).isEqualTo(0.25);
	}

}
