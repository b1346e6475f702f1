package dev.tendril.scoring.internal;

import java.util.List;

/** Temperature on the total score: hot at or above {@code hot}, warm at or above {@code warm}, else cold. */
record TemperatureScale(double hot, double warm) {
    String of(double score) {
        return score >= hot ? "hot" : score >= warm ? "warm" : "cold";
    }

    List<Double> boundaries() {
        return List.of(hot, warm);
    }
}
