package io.cartwright.catalog.product;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchCriteriaTest {

	@Test
	void turnsWordsIntoRequiredPrefixTermsAndDropsOperators() {
		assertThat(ProductSearch.booleanQuery("red shi")).isEqualTo("+red* +shi*");
		assertThat(ProductSearch.booleanQuery("+wool -cotton \"a\" (x)*")).isEqualTo("+wool* +cotton*");
		assertThat(ProductSearch.booleanQuery("TS-1")).isEmpty();
	}

	@Test
	void defaultsToRelevanceWithAQueryAndNewestWithout() {
		assertThat(SearchCriteria.Sort.parse(null, true)).isEqualTo(SearchCriteria.Sort.RELEVANCE);
		assertThat(SearchCriteria.Sort.parse("", false)).isEqualTo(SearchCriteria.Sort.NEWEST);
		assertThat(SearchCriteria.Sort.parse("price,desc", false)).isEqualTo(SearchCriteria.Sort.PRICE_DESC);
	}

	@Test
	void parsesOptionFilters() {
		assertThat(SearchCriteria.parseOptions(List.of("size:M", "color:dark:blue"))).containsEntry("size", "M")
			.containsEntry("color", "dark:blue");
		assertThat(SearchCriteria.parseOptions(null)).isEmpty();
	}

}
