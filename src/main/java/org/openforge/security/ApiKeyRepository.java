package org.openforge.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ApiKeyRepository {

  private final JdbcClient jdbc;

  public ApiKeyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(ApiKey key) {
    jdbc.sql("""
        insert into api_key (id, name, role, key_hash, key_prefix, created_by, created_at, product)
        values (:id, :name, :role, :hash, :prefix, :createdBy, :createdAt, :product)""")
        .param("id", key.id()).param("name", key.name()).param("role", key.role().value())
        .param("hash", key.keyHash()).param("prefix", key.keyPrefix()).param("createdBy", key.createdBy())
        .param("createdAt", key.createdAt()).param("product", key.product())
        .update();
  }

  public Optional<ApiKey> findByHash(String hash) {
    return jdbc.sql("select * from api_key where key_hash = :hash").param("hash", hash).query(this::map).optional();
  }

  public Optional<ApiKey> findById(String id) {
    return jdbc.sql("select * from api_key where id = :id").param("id", id).query(this::map).optional();
  }

  public List<ApiKey> findAll() {
    return jdbc.sql("select * from api_key order by created_at").query(this::map).list();
  }

  public boolean anyActiveAdmin() {
    return jdbc.sql("select count(*) from api_key where role = 'admin' and revoked_at is null and product is null")
        .query(Long.class).single() > 0;
  }

  public boolean revoke(String id, OffsetDateTime at) {
    return jdbc.sql("update api_key set revoked_at = :at where id = :id and revoked_at is null")
        .param("at", at).param("id", id).update() == 1;
  }

  public void touch(String id, OffsetDateTime at) {
    jdbc.sql("update api_key set last_used_at = :at where id = :id").param("at", at).param("id", id).update();
  }

  private ApiKey map(ResultSet rs, int row) throws SQLException {
    return new ApiKey(rs.getString("id"), rs.getString("name"), Role.parse(rs.getString("role")),
        rs.getString("key_hash"), rs.getString("key_prefix"), rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class),
        rs.getObject("last_used_at", OffsetDateTime.class), rs.getString("product"));
  }
}
