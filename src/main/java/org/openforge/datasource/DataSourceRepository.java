package org.openforge.datasource;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code data_source} table and its links to engagements. */
@Repository
class DataSourceRepository {

  private final JdbcClient jdbc;

  DataSourceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** {@code source} or {@code target}. */
  public String role(String id) {
    return jdbc.sql("select source_role from data_source where id = :id").param("id", id).query(String.class)
        .optional().orElse(DataSources.SOURCE);
  }

  void setRole(String id, String role) {
    jdbc.sql("update data_source set source_role = :r where id = :id").param("r", role).param("id", id).update();
  }

  void insert(StoredSource s) {
    jdbc.sql("""
        insert into data_source (id, name, source_type, description, connection_config, secret, created_at, updated_at)
        values (:id, :name, :type, :description, :config, :secret, :createdAt, :updatedAt)""")
        .param("id", s.id()).param("name", s.name()).param("type", s.sourceType().value())
        .param("description", s.description()).param("config", s.connectionConfig()).param("secret", s.secret())
        .param("createdAt", s.createdAt()).param("updatedAt", s.updatedAt())
        .update();
  }

  Optional<StoredSource> findById(String id) {
    return jdbc.sql("select * from data_source where id = :id").param("id", id).query(this::map).optional();
  }

  /** Locks the row until the transaction ends: attaching it to an engagement (a foreign-key check) waits. */
  boolean lock(String id) {
    return !jdbc.sql("select id from data_source where id = :id for update")
        .param("id", id).query(String.class).list().isEmpty();
  }

  List<StoredSource> page(int offset, int limit) {
    return jdbc.sql("select * from data_source order by created_at desc, id limit :limit offset :offset")
        .param("limit", limit).param("offset", offset).query(this::map).list();
  }

  long count() {
    return jdbc.sql("select count(*) from data_source").query(Long.class).single();
  }

  List<StoredSource> forEngagement(String engagementId) {
    return jdbc.sql("""
        select ds.* from data_source ds join engagement_data_source eds on eds.data_source_id = ds.id
        where eds.engagement_id = :e order by eds.attached_at, ds.id""")
        .param("e", engagementId).query(this::map).list();
  }

  List<String> engagementIds(String dataSourceId) {
    return jdbc.sql("select engagement_id from engagement_data_source where data_source_id = :d order by attached_at")
        .param("d", dataSourceId).query(String.class).list();
  }

  void recordTest(String id, boolean success, String message, String details, OffsetDateTime at) {
    jdbc.sql("""
        update data_source set last_test_success = :success, last_test_message = :message,
          last_test_details = :details, last_tested_at = :at, updated_at = :at where id = :id""")
        .param("success", success).param("message", message).param("details", details).param("at", at)
        .param("id", id).update();
  }

  void delete(String id) {
    jdbc.sql("delete from engagement_data_source where data_source_id = :id").param("id", id).update();
    jdbc.sql("delete from data_source where id = :id").param("id", id).update();
  }

  private StoredSource map(ResultSet rs, int row) throws SQLException {
    Object success = rs.getObject("last_test_success");
    return new StoredSource(rs.getString("id"), rs.getString("name"), SourceType.parse(rs.getString("source_type")),
        rs.getString("description"), rs.getString("connection_config"), rs.getString("secret"),
        success == null ? null : rs.getBoolean("last_test_success"), rs.getString("last_test_message"),
        rs.getString("last_test_details"), rs.getObject("last_tested_at", OffsetDateTime.class),
        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
  }
}
