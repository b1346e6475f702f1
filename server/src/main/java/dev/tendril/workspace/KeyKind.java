package dev.tendril.workspace;

/** Write keys ingest events (HTTP Basic username, as Segment); secret keys call the REST API. */
public enum KeyKind {
    WRITE("wk_"), SECRET("sk_");

    private final String tokenPrefix;

    KeyKind(String tokenPrefix) {
        this.tokenPrefix = tokenPrefix;
    }

    public String tokenPrefix() {
        return tokenPrefix;
    }

    public String dbValue() {
        return name().toLowerCase();
    }
}
