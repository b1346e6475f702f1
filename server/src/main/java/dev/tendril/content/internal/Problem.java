package dev.tendril.content.internal;

/** A validation error or lint warning in one part of a template or block, at a line and column (from 1; 0 when unknown). */
record Problem(String field, int line, int column, String message) {
    String describe() {
        return line > 0 ? "line " + line + ", column " + column + ": " + message : message;
    }
}
