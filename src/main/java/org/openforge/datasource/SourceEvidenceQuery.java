package org.openforge.datasource;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the data-source evidence of an engagement in one query. */
@Component
public class SourceEvidenceQuery {

  private final JdbcClient jdbc;

  public SourceEvidenceQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<String> names(String engagementId) {
    return jdbc.sql("""
        select ds.name from engagement_data_source eds join data_source ds on ds.id = eds.data_source_id
        where eds.engagement_id = :e order by eds.attached_at""")
        .param("e", engagementId).query(String.class).list();
  }

  public SourceEvidence of(String engagementId) {
    Set<String> attached = new HashSet<>();
    Set<String> tested = new HashSet<>();
    OffsetDateTime[] last = new OffsetDateTime[1];
    jdbc.sql("""
        select ds.id, ds.last_test_success, ds.last_tested_at
        from engagement_data_source eds join data_source ds on ds.id = eds.data_source_id
        where eds.engagement_id = :e""")
        .param("e", engagementId)
        .query((rs, row) -> {
          attached.add(rs.getString("id"));
          if (rs.getBoolean("last_test_success")) {
            tested.add(rs.getString("id"));
          }
          OffsetDateTime at = rs.getObject("last_tested_at", OffsetDateTime.class);
          if (at != null && (last[0] == null || at.isAfter(last[0]))) {
            last[0] = at;
          }
          return null;
        }).list();
    return new SourceEvidence(attached, tested, last[0]);
  }
}
