package dev.tendril.web.internal;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** The data of a Chart.js line chart, handed to {@code /js/charts.js} as JSON in a canvas attribute. */
public record LineChart(String label, List<String> labels, List<Number> values) {

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public String json() {
        return JsonMapper.shared().writeValueAsString(this);
    }
}
