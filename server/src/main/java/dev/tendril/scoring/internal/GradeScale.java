package dev.tendril.scoring.internal;

import java.util.List;

/** Fit grades: A at or above {@code a}, B at or above {@code b}, then C, D, and F below {@code d}. */
record GradeScale(double a, double b, double c, double d) {
    static final List<String> GRADES = List.of("A", "B", "C", "D", "F");

    String grade(double fitScore) {
        if (fitScore >= a) {
            return "A";
        }
        if (fitScore >= b) {
            return "B";
        }
        if (fitScore >= c) {
            return "C";
        }
        return fitScore >= d ? "D" : "F";
    }

    List<Double> boundaries() {
        return List.of(a, b, c, d);
    }

    /** Whether {@code grade} is at least as good as {@code minimum}. */
    static boolean atLeast(String grade, String minimum) {
        return GRADES.indexOf(grade) <= GRADES.indexOf(minimum);
    }
}
