package dev.tendril.condition;

/** What an event condition asks of the matching events. */
public sealed interface Occurrence {
    enum CountOp { AT_LEAST, AT_MOST, EXACTLY }

    /** The number of matching events inside the window compared with {@code n}. */
    record Count(CountOp op, int n, Window window) implements Occurrence {}

    /** The contact's earliest matching event (of all time) lies inside the window. */
    record First(Window window) implements Occurrence {}

    /** The contact's latest matching event (of all time) lies inside the window. */
    record Last(Window window) implements Occurrence {}
}
