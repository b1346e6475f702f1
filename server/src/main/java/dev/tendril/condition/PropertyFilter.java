package dev.tendril.condition;

import java.util.List;

/** A test on an event property; the path walks nested objects ({@code product.sku} is {@code [product, sku]}). */
public record PropertyFilter(List<String> path, Comparison comparison) {
    public PropertyFilter {
        path = List.copyOf(path);
    }
}
