package org.openforge.product;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The deployments of each data product, newest version last. */
@Repository
public class ProductDeployments {

  private final JdbcClient jdbc;

  public ProductDeployments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(ProductDeployment d) {
    jdbc.sql("""
        insert into product_deployment (engagement_id, version, pipeline_version, target_version, status,
          deployed_by, deployed_at) values (:e, :v, :pv, :tv, :s, :by, :at)""")
        .param("e", d.engagementId()).param("v", d.version()).param("pv", d.pipelineVersion())
        .param("tv", d.targetVersion()).param("s", d.status()).param("by", d.deployedBy())
        .param("at", d.deployedAt()).update();
  }

  public void end(String engagementId, int version, String status, OffsetDateTime at) {
    jdbc.sql("update product_deployment set status = :s, ended_at = :at where engagement_id = :e and version = :v")
        .param("s", status).param("at", at).param("e", engagementId).param("v", version).update();
  }

  public List<ProductDeployment> all(String engagementId) {
    return jdbc.sql("select * from product_deployment where engagement_id = :e order by version")
        .param("e", engagementId).query(this::map).list();
  }

  public Optional<ProductDeployment> active(String engagementId) {
    return all(engagementId).stream().filter(d -> ProductDeployment.ACTIVE.equals(d.status())).findFirst();
  }

  /** The engagements whose product is deployed now. */
  public List<String> activeEngagements() {
    return jdbc.sql("select engagement_id from product_deployment where status = :s")
        .param("s", ProductDeployment.ACTIVE).query(String.class).list();
  }

  public Optional<ProductDeployment> latest(String engagementId) {
    List<ProductDeployment> all = all(engagementId);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  private ProductDeployment map(ResultSet rs, int row) throws SQLException {
    return new ProductDeployment(rs.getString("engagement_id"), rs.getInt("version"), rs.getInt("pipeline_version"),
        rs.getInt("target_version"), rs.getString("status"), rs.getString("deployed_by"),
        rs.getObject("deployed_at", OffsetDateTime.class), rs.getObject("ended_at", OffsetDateTime.class));
  }
}
