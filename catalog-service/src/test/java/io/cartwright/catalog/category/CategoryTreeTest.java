package io.cartwright.catalog.category;

import java.util.List;

import io.cartwright.catalog.web.ConflictException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CategoryTreeTest {

	private final Category home = new Category(null, "home", "Home", 1);

	private final Category clothing = new Category(null, "clothing", "Clothing", 0);

	private final Category kitchen = new Category(this.home.getId(), "kitchen", "Kitchen", 1);

	private final Category knives = new Category(this.kitchen.getId(), "knives", "Knives", 0);

	private final Category bath = new Category(this.home.getId(), "bath", "Bath", 0);

	private final CategoryTree tree = CategoryTree
		.of(List.of(this.knives, this.kitchen, this.home, this.clothing, this.bath));

	@Test
	void ordersEveryLevelByPosition() {
		assertThat(this.tree.roots()).extracting(CategoryNode::slug).containsExactly("clothing", "home");
		assertThat(this.tree.roots().get(1).children()).extracting(CategoryNode::slug)
			.containsExactly("bath", "kitchen");
	}

	@Test
	void findsThePathToACategoryByIdOrSlug() {
		assertThat(this.tree.pathTo("knives").orElseThrow()).extracting(CategoryNode::slug)
			.containsExactly("home", "kitchen", "knives");
		assertThat(this.tree.pathTo(this.kitchen.getId().toString()).orElseThrow()).hasSize(2);
		assertThat(this.tree.pathTo("garden")).isEmpty();
	}

	@Test
	void refusesToMoveACategoryIntoItsOwnSubtree() {
		assertThatThrownBy(() -> this.tree.requireMovable(this.home.getId(), this.knives.getId()))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> this.tree.requireMovable(this.home.getId(), this.home.getId()))
			.isInstanceOf(ConflictException.class);
		assertThatNoException().isThrownBy(() -> this.tree.requireMovable(this.knives.getId(), this.clothing.getId()));
		assertThat(this.tree.subtreeOf(this.home.getId())).hasSize(4);
	}

	@Test
	void changesItsFingerprintWhenACategoryChanges() {
		assertThat(CategoryTree.of(List.of(this.home, this.clothing)).fingerprint())
			.isNotEqualTo(CategoryTree.of(List.of(this.home)).fingerprint());
	}

}
