package dev.tendril.contact.internal;

import dev.tendril.contact.AttributeType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Custom attribute types per workspace ({@code attribute_definition}), each fixed by the first value seen. */
@Repository
class AttributeDefinitionStore {
    private final JdbcClient jdbc;

    AttributeDefinitionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every attribute of the workspace with its type, by name. */
    Map<String, AttributeType> all(long workspaceId) {
        Map<String, AttributeType> types = new LinkedHashMap<>();
        jdbc.sql("select name, type from attribute_definition where workspace_id = ? order by name").param(workspaceId)
                .query(rs -> {
                    types.put(rs.getString(1), AttributeType.of(rs.getString(2)));
                });
        return types;
    }

    /** Declares the attribute with this type unless another transaction declared it first; the type it has. */
    AttributeType declare(long workspaceId, String name, AttributeType type) {
        jdbc.sql("insert into attribute_definition (workspace_id, name, type) values (?, ?, ?) on conflict do nothing")
                .params(workspaceId, name, type.dbValue()).update();
        return AttributeType.of(jdbc.sql("select type from attribute_definition where workspace_id = ? and name = ?")
                .params(workspaceId, name).query(String.class).single());
    }
}
