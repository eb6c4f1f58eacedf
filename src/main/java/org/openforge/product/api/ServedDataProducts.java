package org.openforge.product.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openforge.agent.build.served.ServedProducts;
import org.openforge.engagement.Engagement;
import org.openforge.engagement.ProductSlug;
import org.openforge.product.pipeline.PipelineRun;
import org.openforge.product.pipeline.PipelineRunStore;
import org.openforge.product.target.TargetKind;
import org.openforge.security.ApiKeyService;
import org.openforge.security.Role;
import org.openforge.system.ApiException;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The agents' view of the served data product: the preview the data API serves, a run's key, SQL facts. */
@Component("servedProducts")
public class ServedDataProducts implements ServedProducts {

  private final DataApiService data;
  private final ApiKeyService keys;
  private final PipelineRunStore runs;
  private final RuntimeService runtime;
  private final Environment environment;

  public ServedDataProducts(DataApiService data, ApiKeyService keys, PipelineRunStore runs, RuntimeService runtime,
      Environment environment) {
    this.data = data;
    this.keys = keys;
    this.runs = runs;
    this.runtime = runtime;
    this.environment = environment;
  }

  @Override
  public Optional<Built> built(Engagement engagement) {
    DataApiService.Product p;
    try {
      p = data.product(ProductSlug.of(engagement), true);
    } catch (ApiException e) {
      return Optional.empty();
    }
    List<Model> models = new ArrayList<>();
    p.models().forEach((name, columns) -> models.add(new Model(name, columns.values().stream()
        .map(c -> new Column(c.name(), kind(c))).toList())));
    return Optional.of(new Built(p.name(), p.version(), models));
  }

  @Override
  public Optional<String> baseUrl() {
    return Optional.ofNullable(environment.getProperty("local.server.port")).map(port -> "http://127.0.0.1:" + port);
  }

  @Override
  public Access access(Engagement engagement, String runName) {
    ApiKeyService.IssuedKey key = keys.create(runName, Role.VIEWER, ProductSlug.of(engagement), runName);
    return new Access() {
      @Override
      public String secret() {
        return key.secret();
      }

      @Override
      public void close() {
        keys.revoke(key.key().id());
      }
    };
  }

  @Override
  public Fact count(Engagement engagement, String model, String column, Object value) {
    DataApiService.Product p = data.product(ProductSlug.of(engagement), true);
    TargetKind kind = p.target().kind();
    String sql = "select count(*) from " + kind.qualified(p.target().schema(), model)
        + (column == null ? "" : " where " + kind.quote(column) + " = ?");
    List<Object> params = column == null ? List.of()
        : List.of(data.columns(p, model).get(column).parse(String.valueOf(value)));
    return new Fact(sql, params, one(p, sql, params));
  }

  @Override
  public Fact sum(Engagement engagement, String model, String column) {
    DataApiService.Product p = data.product(ProductSlug.of(engagement), true);
    TargetKind kind = p.target().kind();
    String sql = "select sum(" + kind.quote(column) + ") from " + kind.qualified(p.target().schema(), model);
    return new Fact(sql, List.of(), one(p, sql, List.of()));
  }

  @Override
  public boolean buildSettled(String engagementId) {
    Optional<PipelineRun> latest = runs.latestRun(engagementId);
    if (latest.isEmpty() || !PipelineRun.RUNNING.equals(latest.get().status())) {
      return true;
    }
    String instance = latest.get().processInstanceId();
    return runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0
        || runtime.createIncidentQuery().processInstanceId(instance).count() > 0;
  }

  private static Object one(DataApiService.Product p, String sql, List<Object> params) {
    try (Connection c = p.target().open(); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        s.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getObject(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run " + sql + " on the target of " + p.name() + ": " + e.getMessage(),
          e);
    }
  }

  private static String kind(ApiColumn c) {
    return switch (c.type()) {
      case BIGINT, DECIMAL, DOUBLE -> "number";
      case DATE -> "date";
      case TIMESTAMP -> "timestamp";
      case BOOLEAN -> "boolean";
      default -> "text";
    };
  }
}
