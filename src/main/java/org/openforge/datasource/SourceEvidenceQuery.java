package org.openforge.datasource;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the data-source evidence of an engagement in one query. */
@Component
public class SourceEvidenceQuery {

  private final JdbcClient jdbc;

  public SourceEvidenceQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public java.util.List<String> names(String engagementId) {
    return jdbc.sql("""
        select ds.name from engagement_data_source eds join data_source ds on ds.id = eds.data_source_id
        where eds.engagement_id = :e order by eds.attached_at""")
        .param("e", engagementId).query(String.class).list();
  }

  public SourceEvidence of(String engagementId) {
    return jdbc.sql("""
        select count(*) as attached,
               coalesce(sum(case when ds.last_test_success then 1 else 0 end), 0) as connected,
               max(ds.last_tested_at) as last_tested
        from engagement_data_source eds join data_source ds on ds.id = eds.data_source_id
        where eds.engagement_id = :e""")
        .param("e", engagementId)
        .query((rs, row) -> new SourceEvidence(rs.getInt("attached"), rs.getInt("connected"),
            rs.getObject("last_tested", OffsetDateTime.class)))
        .single();
  }
}
