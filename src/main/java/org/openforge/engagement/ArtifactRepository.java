package org.openforge.engagement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.openforge.system.JsonText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ArtifactRepository {

  private static final String HEADER_COLUMNS =
      "id, engagement_id, name, kind, phase, version, media_type, summary, metadata, agent_task_id, created_at";

  private final JdbcClient jdbc;
  private final JsonText json;

  public ArtifactRepository(JdbcClient jdbc, JsonText json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public int nextVersion(String engagementId, String name) {
    return jdbc.sql("select coalesce(max(version), 0) + 1 from artifact where engagement_id = :e and name = :n")
        .param("e", engagementId).param("n", name).query(Integer.class).single();
  }

  public void insert(Artifact a) {
    jdbc.sql("""
        insert into artifact (id, engagement_id, name, kind, phase, version, media_type, content, summary, metadata,
          agent_task_id, created_at)
        values (:id, :e, :name, :kind, :phase, :version, :mediaType, :content, :summary, :metadata, :task, :at)""")
        .param("id", a.id()).param("e", a.engagementId()).param("name", a.name()).param("kind", a.kind())
        .param("phase", a.phase()).param("version", a.version()).param("mediaType", a.mediaType())
        .param("content", a.content()).param("summary", a.summary()).param("metadata", json.write(a.metadata()))
        .param("task", a.agentTaskId()).param("at", a.createdAt())
        .update();
  }

  /** Every artifact of an engagement without its content, oldest first. */
  public List<Artifact> headers(String engagementId) {
    return jdbc.sql("select " + HEADER_COLUMNS + " from artifact where engagement_id = :e order by created_at, version")
        .param("e", engagementId).query(this::header).list();
  }

  public Optional<Artifact> findById(String id) {
    return jdbc.sql("select * from artifact where id = :id").param("id", id).query(this::full).optional();
  }

  public Optional<Artifact> find(String engagementId, String id) {
    return jdbc.sql("select * from artifact where engagement_id = :e and id = :id")
        .param("e", engagementId).param("id", id).query(this::full).optional();
  }

  /** The newest version of each named artifact of a kind, with content. */
  public Optional<Artifact> latestOfKind(String engagementId, String kind) {
    return jdbc.sql("select * from artifact where engagement_id = :e and kind = :k order by created_at desc, version desc")
        .param("e", engagementId).param("k", kind).query(this::full).list().stream().findFirst();
  }

  public Optional<OffsetDateTime> latestCreatedAt(String engagementId) {
    return Optional.ofNullable(jdbc.sql("select max(created_at) from artifact where engagement_id = :e")
        .param("e", engagementId).query(OffsetDateTime.class).single());
  }

  private Artifact header(ResultSet rs, int row) throws SQLException {
    return new Artifact(rs.getString("id"), rs.getString("engagement_id"), rs.getString("name"),
        rs.getString("kind"), rs.getString("phase"), rs.getInt("version"), rs.getString("media_type"), null,
        rs.getString("summary"), json.map(rs.getString("metadata")), rs.getString("agent_task_id"),
        rs.getObject("created_at", OffsetDateTime.class));
  }

  private Artifact full(ResultSet rs, int row) throws SQLException {
    Artifact h = header(rs, row);
    return new Artifact(h.id(), h.engagementId(), h.name(), h.kind(), h.phase(), h.version(), h.mediaType(),
        rs.getString("content"), h.summary(), h.metadata(), h.agentTaskId(), h.createdAt());
  }
}
