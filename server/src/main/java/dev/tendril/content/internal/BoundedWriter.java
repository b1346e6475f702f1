package dev.tendril.content.internal;

import java.io.Writer;

/** Collects a render's output and stops it once it is longer than its limit or out of time. */
final class BoundedWriter extends Writer {
    private final StringBuilder out = new StringBuilder();
    private final RenderTrace trace;

    BoundedWriter(RenderTrace trace) {
        this.trace = trace;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        if (out.length() + length > trace.limits().outputChars()) {
            throw new RenderLimitExceeded("the output is longer than " + trace.limits().outputChars() + " characters");
        }
        trace.checkTime();
        out.append(chars, offset, length);
    }

    @Override
    public Writer append(CharSequence text) {
        CharSequence s = text == null ? "null" : text;
        if (out.length() + s.length() > trace.limits().outputChars()) {
            throw new RenderLimitExceeded("the output is longer than " + trace.limits().outputChars() + " characters");
        }
        trace.checkTime();
        out.append(s);
        return this;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
        return out.toString();
    }
}
