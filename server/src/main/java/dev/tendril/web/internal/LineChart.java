package dev.tendril.web.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/** The data of a Chart.js line chart, handed to {@code /js/charts.js} as JSON in a canvas attribute. */
public record LineChart(String label, List<String> labels, List<Number> values) {

    /**
     * A value that holds from each change to the next: one point per change, and the last value again
     * at "now", so that even a single change draws a line up to the present.
     */
    static <T> LineChart untilNow(String label, List<T> changes, Function<T, Instant> at, Function<T, Number> value) {
        List<String> labels = new ArrayList<>();
        List<Number> values = new ArrayList<>();
        for (T change : changes) {
            labels.add(Formats.time(at.apply(change)));
            values.add(value.apply(change));
        }
        if (!values.isEmpty()) {
            labels.add("now");
            values.add(values.getLast());
        }
        return new LineChart(label, labels, values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public String json() {
        return JsonMapper.shared().writeValueAsString(this);
    }
}
