package dev.tendril.scoring.internal;

import dev.tendril.segment.ContactScore;
import dev.tendril.segment.ContactScores;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Gives segmentation's in-memory backend the stored scores, exactly as its SQL backend reads them. */
@Component
class StoredContactScores implements ContactScores {
    private final JdbcClient jdbc;

    StoredContactScores(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ContactScore> find(long workspaceId, long contactId) {
        return jdbc.sql("""
                select score, fit_score, engagement_score, grade, temperature from contact_score
                where workspace_id = ? and contact_id = ?""")
                .params(workspaceId, contactId)
                .query((rs, n) -> new ContactScore(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getString(4),
                        rs.getString(5)))
                .optional();
    }
}
