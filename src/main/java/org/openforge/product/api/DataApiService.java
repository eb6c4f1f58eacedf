package org.openforge.product.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.openforge.engagement.Engagement;
import org.openforge.engagement.EngagementRepository;
import org.openforge.product.ProductDeployments;
import org.openforge.product.ProductNames;
import org.openforge.product.target.ProductTargets;
import org.openforge.product.target.Publisher;
import org.openforge.product.target.AnalyticalTarget;
import org.openforge.product.target.TargetKind;
import org.openforge.system.ApiException;
import org.springframework.stereotype.Service;

/**
 * Reads a deployed data product's published models for the data API: the product by its name (the engagement's slug), the
 * models as the live schema's views, their columns from the target's information schema. Queries are built from
 * those known columns with bound parameters only.
 */
@Service
public class DataApiService {

  private final EngagementRepository engagements;
  private final ProductTargets targets;
  private final ProductDeployments deployments;

  public DataApiService(EngagementRepository engagements, ProductTargets targets, ProductDeployments deployments) {
    this.engagements = engagements;
    this.targets = targets;
    this.deployments = deployments;
  }

  /** A published product: its target, live version and models with their columns. */
  public record Product(String name, Engagement engagement, AnalyticalTarget target, int version,
      Map<String, Map<String, ApiColumn>> models) {}

  /** One page of rows, the total matching, and an entity tag that changes with the data or the query. */
  public record Page(List<Map<String, Object>> items, int page, int pageSize, long total, String etag) {}

  public Product product(String name) {
    return product(name, false);
  }

  /**
   * The product as served: deployed (from the deployment on, until it is undeployed), or — {@code preview} — the
   * version its latest pipeline run published in the target, deployed or not: what Build's integration tests and
   * Deploy's load test call before the deployment is approved.
   */
  public Product product(String name, boolean preview) {
    Engagement engagement = find(name);
    if (!preview && deployments.active(engagement.id()).isEmpty()) {
      throw ApiException.notFound("deployed data product", name);
    }
    AnalyticalTarget target = targets.of(engagement);
    try (Connection c = target.open()) {
      OptionalInt version = Publisher.liveVersion(target, c);
      if (version.isEmpty()) {
        throw ApiException.notFound("data product", name);
      }
      return new Product(name, engagement, target, version.getAsInt(), models(c, target));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the target of " + name + ": " + e.getMessage(), e);
    }
  }

  public Map<String, ApiColumn> columns(Product product, String model) {
    Map<String, ApiColumn> columns = product.models().get(model);
    if (columns == null) {
      throw ApiException.notFound("model", model).with("models", product.models().keySet());
    }
    return columns;
  }

  public Page rows(Product product, String model, RowQuery query) {
    TargetKind kind = product.target().kind();
    String from = kind.qualified(product.target().schema(), model);
    List<Object> params = new ArrayList<>();
    String where = where(kind, query, params);
    String order = query.sort().isEmpty() ? "" : " order by " + query.sort().stream()
        .map(s -> kind.quote(s.column().name()) + (s.descending() ? " desc" : " asc") + " nulls last")
        .collect(Collectors.joining(", "));
    String select = "select " + columns(product, model).keySet().stream().map(kind::quote)
        .collect(Collectors.joining(", ")) + " from " + from + where + order + " limit ? offset ?";
    try (Connection c = product.target().open()) {
      long total = count(c, "select count(*) from " + from + where, params);
      List<Object> paged = new ArrayList<>(params);
      paged.add(query.pageSize());
      paged.add((long) (query.page() - 1) * query.pageSize());
      List<Map<String, Object>> items = new ArrayList<>();
      try (PreparedStatement s = prepare(c, select, paged); ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            row.put(rs.getMetaData().getColumnLabel(i), json(rs.getObject(i)));
          }
          items.add(row);
        }
      }
      return new Page(items, query.page(), query.pageSize(), total,
          etag(product.name() + "|" + product.version() + "|" + model + "|" + query.canonical()));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read " + model + " of " + product.name() + ": " + e.getMessage(), e);
    }
  }

  /** Count, and sum, minimum and maximum of every numeric column, over the rows the query's filters match. */
  public Map<String, Object> summary(Product product, String model, RowQuery query) {
    TargetKind kind = product.target().kind();
    List<ApiColumn> numeric = columns(product, model).values().stream().filter(c -> c.type().numeric()).toList();
    List<Object> params = new ArrayList<>();
    String where = where(kind, query, params);
    StringBuilder select = new StringBuilder("select count(*)");
    for (ApiColumn c : numeric) {
      String q = kind.quote(c.name());
      select.append(", sum(").append(q).append("), min(").append(q).append("), max(").append(q).append(')');
    }
    select.append(" from ").append(kind.qualified(product.target().schema(), model)).append(where);
    try (Connection c = product.target().open(); PreparedStatement s = prepare(c, select.toString(), params);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("count", rs.getLong(1));
      Map<String, Object> columns = new LinkedHashMap<>();
      for (int i = 0; i < numeric.size(); i++) {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("sum", rs.getObject(2 + 3 * i));
        stats.put("min", rs.getObject(3 + 3 * i));
        stats.put("max", rs.getObject(4 + 3 * i));
        columns.put(numeric.get(i).name(), stats);
      }
      summary.put("columns", columns);
      return summary;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot summarise " + model + " of " + product.name() + ": " + e.getMessage(),
          e);
    }
  }

  private Engagement find(String name) {
    int cut = name.lastIndexOf('_');
    String prefix = cut < 0 ? "" : name.substring(cut + 1);
    return engagements.findByIdPrefix(prefix).stream().filter(e -> ProductNames.slug(e).equals(name)).findFirst()
        .orElseThrow(() -> ApiException.notFound("data product", name));
  }

  private static Map<String, Map<String, ApiColumn>> models(Connection c, AnalyticalTarget target) throws SQLException {
    Map<String, Map<String, ApiColumn>> models = new java.util.TreeMap<>();
    try (PreparedStatement s = c.prepareStatement("select table_name, column_name, data_type, is_nullable "
        + "from information_schema.columns where table_schema = ? order by table_name, ordinal_position")) {
      s.setString(1, target.schema());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          models.computeIfAbsent(rs.getString(1), m -> new LinkedHashMap<>()).put(rs.getString(2),
              new ApiColumn(rs.getString(2), ApiColumn.typeOf(rs.getString(3)), !"NO".equals(rs.getString(4))));
        }
      }
    }
    return models;
  }

  private static String where(TargetKind kind, RowQuery query, List<Object> params) {
    List<String> conditions = new ArrayList<>();
    for (RowQuery.Filter f : query.filters()) {
      String column = kind.quote(f.column().name());
      if (f.operator().equals("in")) {
        conditions.add(column + " in (" + f.values().stream().map(v -> "?").collect(Collectors.joining(", ")) + ")");
      } else {
        conditions.add(column + " " + f.operator() + " ?");
      }
      params.addAll(f.values());
    }
    return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
  }

  private static long count(Connection c, String sql, List<Object> params) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    for (int i = 0; i < params.size(); i++) {
      s.setObject(i + 1, params.get(i));
    }
    return s;
  }

  /** Numbers stay numbers, dates and times become ISO text. */
  private static Object json(Object value) {
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    if (value instanceof Timestamp t) {
      return t.toLocalDateTime().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }
    if (value instanceof LocalDateTime t) {
      return t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }
    if (value instanceof java.time.temporal.TemporalAccessor t) {
      return t.toString();
    }
    return value;
  }

  private static String etag(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
