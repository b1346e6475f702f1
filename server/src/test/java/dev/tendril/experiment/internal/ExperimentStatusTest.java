package dev.tendril.experiment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tendril.platform.ConflictException;
import org.junit.jupiter.api.Test;

class ExperimentStatusTest {
    @Test
    void onlyForwardMovesAreAllowed() {
        assertThat(ExperimentStatus.DRAFT.canMoveTo(ExperimentStatus.RUNNING)).isTrue();
        assertThat(ExperimentStatus.RUNNING.canMoveTo(ExperimentStatus.COMPLETED)).isTrue();
        assertThat(ExperimentStatus.DRAFT.canMoveTo(ExperimentStatus.COMPLETED)).isFalse();
        assertThat(ExperimentStatus.RUNNING.canMoveTo(ExperimentStatus.DRAFT)).isFalse();
        assertThat(ExperimentStatus.COMPLETED.canMoveTo(ExperimentStatus.RUNNING)).isFalse();
        assertThat(ExperimentStatus.RUNNING.canMoveTo(ExperimentStatus.RUNNING)).isFalse();
        assertThatThrownBy(() -> ExperimentStatus.COMPLETED.checkMoveTo(ExperimentStatus.RUNNING))
                .isInstanceOf(ConflictException.class).hasMessageContaining("completed cannot become running");
    }
}
