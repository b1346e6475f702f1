package dev.tendril.workspace;

/** What a workspace user may do: owners manage keys and users, marketers edit, viewers read. */
public enum Role {
    OWNER, MARKETER, VIEWER;

    public String dbValue() {
        return name().toLowerCase();
    }
}
