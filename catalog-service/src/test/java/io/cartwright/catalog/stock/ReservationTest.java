package io.cartwright.catalog.stock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.cartwright.catalog.pricing.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReservationTest {

	private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

	private static final List<ReservationLine> LINES = List
		.of(new ReservationLine("SKU-1", 2, Money.of(1999, "EUR"), "Shirt"));

	@Test
	void aReservedReservationCanBeReleasedOnce() {
		Reservation reservation = reserved();
		reservation.release(NOW);
		assertThat(reservation.status()).isEqualTo(ReservationStatus.RELEASED);
		assertThatExceptionOfType(ReservationStateException.class).isThrownBy(() -> reservation.release(NOW));
		assertThatExceptionOfType(ReservationStateException.class).isThrownBy(() -> reservation.commit(NOW));
	}

	@Test
	void onlyACommittedReservationCanBeReturned() {
		Reservation reservation = reserved();
		assertThatExceptionOfType(ReservationStateException.class).isThrownBy(() -> reservation.returnSold(NOW));
		reservation.commit(NOW);
		reservation.returnSold(NOW);
		assertThat(reservation.status()).isEqualTo(ReservationStatus.RETURNED);
	}

	@Test
	void aRejectionOrTombstoneHasNoLinesAndCannotBeReleased() {
		Reservation rejected = Reservation.rejected(UUID.randomUUID(), NOW);
		Reservation tombstone = Reservation.releasedBeforePlaced(UUID.randomUUID(), NOW);
		assertThat(rejected.lines()).isEmpty();
		assertThat(tombstone.lines()).isEmpty();
		assertThatExceptionOfType(ReservationStateException.class).isThrownBy(() -> rejected.release(NOW));
		assertThatExceptionOfType(ReservationStateException.class).isThrownBy(() -> tombstone.commit(NOW));
	}

	@Test
	void expiresAtItsExpiryTimeOnlyWhileReserved() {
		Reservation reservation = reserved();
		assertThat(reservation.isExpired(NOW.plus(Duration.ofMinutes(14)))).isFalse();
		assertThat(reservation.isExpired(NOW.plus(Duration.ofMinutes(15)))).isTrue();
		reservation.commit(NOW);
		assertThat(reservation.isExpired(NOW.plus(Duration.ofHours(1)))).isFalse();
	}

	@Test
	void aReservationNeedsLinesWithUnits() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Reservation.reserved(UUID.randomUUID(), List.of(), NOW.plusSeconds(60), NOW));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReservationLine("SKU-1", 0, Money.of(1, "EUR"), "Shirt"));
	}

	private static Reservation reserved() {
		return Reservation.reserved(UUID.randomUUID(), LINES, NOW.plus(Duration.ofMinutes(15)), NOW);
	}

}
