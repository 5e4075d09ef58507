package io.cartwright.cart.web;

import java.util.List;

/**
 * One page of a list, in the JSON shape every list of the API has: {@code {"content":
 * [...], "page": {"number": 0, "size": 20, "totalElements": 53, "totalPages": 3}}}.
 *
 * @param <T> the type of the items
 * @param content the items of this page
 * @param page where this page is in the whole list
 */
public record PageView<T>(List<T> content, PageMetadata page) {

	/**
	 * Where a page is in the whole list.
	 *
	 * @param number the page's number, from 0
	 * @param size the requested page size
	 * @param totalElements how many items the whole list has
	 * @param totalPages how many pages of this size the list has
	 */
	public record PageMetadata(int number, int size, long totalElements, int totalPages) {
	}

	public static <T> PageView<T> of(List<T> content, int number, int size, long totalElements) {
		int totalPages = (size == 0) ? 0 : (int) ((totalElements + size - 1) / size);
		return new PageView<>(content, new PageMetadata(number, size, totalElements, totalPages));
	}

}
