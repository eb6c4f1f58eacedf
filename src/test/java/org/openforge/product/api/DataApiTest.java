package org.openforge.product.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openforge.datasource.ScratchDatabases;
import org.openforge.engagement.Engagement;
import org.openforge.engagement.EngagementRepository;
import org.openforge.product.ProductNames;
import org.openforge.product.pipeline.PipelinePlan;
import org.openforge.product.pipeline.PipelinePlan.Model;
import org.openforge.product.pipeline.PipelinePlan.SourceTable;
import org.openforge.product.pipeline.PipelineService;
import org.openforge.product.ProductFixtures;
import org.openforge.support.Api;
import org.openforge.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The data API over HTTP on a published product: rows equal SQL over the source, paging, filters, sort, errors. */
class DataApiTest extends IntegrationTest {

  private static final String MONTHLY = """
      select cast(date_trunc('month', day) as date) as month, sum(amount) as revenue, count(*) as sales
      from sales group by 1 order by 1""";

  private static String sourceDb;
  private static String product;

  @Autowired
  PipelineService pipelines;
  @Autowired
  EngagementRepository engagementRows;

  @BeforeAll
  static void source() throws SQLException {
    product = null;
    sourceDb = ScratchDatabases.createPostgres("dataapi");
    try (Connection c = ScratchDatabases.postgres(sourceDb)) {
      ScratchDatabases.run(c, "create table sales (id integer primary key, day date not null, "
          + "amount numeric(10,2) not null, channel text)", "insert into sales select g, date '2024-01-01' + "
          + "(g % 366), 10 + (g % 97) * 1.25, case when g % 4 = 0 then 'online' else 'store' end "
          + "from generate_series(1, 5000) g");
    }
  }

  @AfterAll
  static void drop() {
    ScratchDatabases.dropPostgres(sourceDb);
  }

  /** Publishes the product once for the class: a pipeline run over the source. */
  private String publish() {
    if (product != null) {
      return product;
    }
    String sourceId = ProductFixtures.postgresSource(api(), sourceDb);
    String engagementId = createEngagement(Map.of("submit", false, "name", "Data API shop")).get("id").asText();
    Engagement engagement = engagementRows.findById(engagementId).orElseThrow();
    pipelines.deploy(engagement, new PipelinePlan(PipelinePlan.SCHEMA_VERSION,
        List.of(new SourceTable("sales", sourceId, "public.sales")), List.of(new Model("revenue_by_month", "marts", "aggregate",
            MONTHLY.replace("from sales", "from {{ ref('sales') }}"), List.of("sales"), List.of()))), "@daily");
    api().post("/api/v1/engagements/" + engagementId + "/pipeline-runs", Map.of());
    assertThat(driver().runJobs(engagementId)).isEmpty();
    assertThat(api().post("/api/v1/engagements/" + engagementId + "/product/deploy", Map.of()).status())
        .isEqualTo(200);
    product = ProductNames.slug(engagement);
    return product;
  }

  @Test
  void servesEveryRowAsTheSourceComputesItTyped() throws SQLException {
    String base = "/data/v1/" + publish() + "/revenue_by_month";
    Api.Response all = api().get(base + "?sort=month&page_size=1000");
    assertThat(all.status()).as(all.body()).isEqualTo(200);
    List<List<Object>> served = new ArrayList<>();
    all.json().get("items").forEach(r -> served.add(List.of(r.get("month").asText(),
        r.get("revenue").decimalValue().stripTrailingZeros(), r.get("sales").asLong())));
    assertThat(all.json().get("items").get(0).get("revenue").isNumber()).isTrue();
    assertThat(served).isEqualTo(sql(MONTHLY)).hasSize(12);
    assertThat(all.json().get("total").asLong()).isEqualTo(12);

    Api.Response filtered = api().get(base + "?month__gte=2024-06-01&month__lt=2024-09-01&sort=-revenue");
    assertThat(filtered.json().get("total").asLong()).isEqualTo(3);
    JsonNode items = filtered.json().get("items");
    assertThat(items.get(0).get("revenue").decimalValue()).isGreaterThanOrEqualTo(
        items.get(1).get("revenue").decimalValue());
    Api.Response paged = api().get(base + "?sort=month&page=2&page_size=5");
    assertThat(paged.json().get("items")).hasSize(5);
    assertThat(paged.json().get("items").get(0).get("month").asText()).isEqualTo("2024-06-01");
    assertThat(api().get(base + "?month__in=2024-01-01,2024-02-01").json().get("total").asLong()).isEqualTo(2);
  }

  @Test
  void etagsAndTotalsComeWithEveryPage() throws Exception {
    String url = "/data/v1/" + publish() + "/revenue_by_month?sort=month";
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> first = client.send(HttpRequest.newBuilder(URI.create(api().base() + url))
        .header("X-API-Key", ADMIN_KEY).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(first.headers().firstValue("X-Total-Count")).contains("12");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again = client.send(HttpRequest.newBuilder(URI.create(api().base() + url))
        .header("X-API-Key", ADMIN_KEY).header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(withRole("viewer").get(url).status()).as("any role reads").isEqualTo(200);
    assertThat(anonymous().get(url).status()).isEqualTo(401);
  }

  @Test
  void theBuiltVersionIsAPreviewUntilItIsDeployed() {
    String sourceId = ProductFixtures.postgresSource(api(), sourceDb);
    String engagementId = createEngagement(Map.of("submit", false, "name", "Preview shop")).get("id").asText();
    Engagement engagement = engagementRows.findById(engagementId).orElseThrow();
    pipelines.deploy(engagement, new PipelinePlan(PipelinePlan.SCHEMA_VERSION,
        List.of(new SourceTable("sales", sourceId, "public.sales")), List.of(new Model("revenue_by_month", "marts",
            "aggregate", MONTHLY.replace("from sales", "from {{ ref('sales') }}"), List.of("sales"), List.of()))),
        "@daily");
    api().post("/api/v1/engagements/" + engagementId + "/pipeline-runs", Map.of());
    assertThat(driver().runJobs(engagementId)).isEmpty();
    String base = api().base() + "/data/v1/" + ProductNames.slug(engagement);

    assertThat(api().get("/data/v1/" + ProductNames.slug(engagement) + "/revenue_by_month").status())
        .as("not deployed: not served").isEqualTo(404);
    Api.Response preview = api().send(HttpRequest.newBuilder(URI.create(base + "/revenue_by_month?page_size=5"))
        .header("X-Data-Product-Stage", "preview").GET());
    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    assertThat(preview.json().get("total").asLong()).isEqualTo(12);
    assertThat(api().send(HttpRequest.newBuilder(URI.create(base + "/openapi.json"))
        .header("X-Data-Product-Stage", "preview").GET()).status()).isEqualTo(200);
    Api.Response bad = api().send(HttpRequest.newBuilder(URI.create(base + "/revenue_by_month"))
        .header("X-Data-Product-Stage", "staging").GET());
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("X-Data-Product-Stage");
    assertThat(anonymous().send(HttpRequest.newBuilder(URI.create(base + "/revenue_by_month"))
        .header("X-Data-Product-Stage", "preview").GET()).status()).isEqualTo(401);
  }

  @Test
  void badQueriesAreClearFourHundreds() {
    String base = "/data/v1/" + publish() + "/revenue_by_month";
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("?page_size=1001", "page_size");
    cases.put("?nope=1", "unknown column 'nope'");
    cases.put("?month__like=2024", "unknown operator 'like'");
    cases.put("?sort=-nope", "unknown sort key 'nope'");
    cases.put("?revenue__gt=lots", "is not a number");
    cases.put("?month=yesterday", "is not a date");
    cases.put("?sales=1%27%3Bdrop%20table%20sales", "is not an integer");
    cases.forEach((query, message) -> {
      Api.Response r = api().get(base + query);
      assertThat(r.status()).as(query).isEqualTo(400);
      assertThat(r.body()).as(query).contains(message);
    });
    assertThat(api().get("/data/v1/" + publish() + "/nope").status()).isEqualTo(404);
    assertThat(api().get("/data/v1/no_such_product_12345678/revenue_by_month").status()).isEqualTo(404);
  }

  @Test
  void valuesTheDatabaseCannotUseAreFourTwentyTwos() {
    String base = "/data/v1/" + publish() + "/revenue_by_month";
    // numbers the column's type cannot hold: a data exception in the database (SQLState 22003, DuckDB's
    // conversion error), answered as the caller's mistake
    for (String query : List.of("?revenue__gt=1e200000", "?revenue__lt=-1e200000")) {
      for (String path : List.of(base + query, base + "/summary" + query)) {
        Api.Response r = api().get(path);
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(422);
        assertThat(r.text("error")).isEqualTo("invalid_value");
      }
    }
    // a date past what PostgreSQL stores (DuckDB stores it): no rows or 422, never a server error
    Api.Response farFuture = api().get(base + "?month=%2B99999999-01-01");
    assertThat(farFuture.status()).as(farFuture.body()).isIn(200, 422);
  }

  @Test
  void theOpenApiDocumentListsEveryModel() {
    Api.Response doc = api().get("/data/v1/" + publish() + "/openapi.json");
    assertThat(doc.status()).as(doc.body()).isEqualTo(200);
    assertThat(doc.json().get("openapi").asText()).startsWith("3.");
    assertThat(doc.json().get("paths").has("/revenue_by_month")).isTrue();
    assertThat(doc.json().get("paths").has("/sales")).isTrue();
    assertThat(doc.json().at("/components/schemas/revenue_by_month/properties/revenue/type").asText())
        .isEqualTo("number");
  }

  @Test
  void aProductKeyReadsItsProductAndNothingElse() {
    String mine = publish();
    String other = ProductNames.slug(engagementRows.findById(createEngagement(Map.of("submit", false, "name",
        "Other shop")).get("id").asText()).orElseThrow());
    Api.Response created = api().post("/api/v1/api-keys", Map.of("name", "dashboard vendor", "role", "viewer",
        "product", mine));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.text("product")).isEqualTo(mine);
    Api productKey = api().as(created.text("key"));

    assertThat(productKey.get("/data/v1/" + mine + "/revenue_by_month?page_size=2").status()).isEqualTo(200);
    assertThat(productKey.get("/data/v1/" + mine + "/openapi.json").status()).isEqualTo(200);
    Api.Response platform = productKey.get("/api/v1/engagements");
    assertThat(platform.status()).as(platform.body()).isEqualTo(403);
    assertThat(platform.body()).contains("reads the data API of product '" + mine + "' only");
    assertThat(productKey.get("/actuator/prometheus").status()).isEqualTo(403);
    assertThat(productKey.get("/data/v1/" + other + "/revenue_by_month").status()).as("another product")
        .isEqualTo(403);
    assertThat(productKey.get("/data/v1;x/v1/../v1/" + other + "/revenue_by_month").status())
        .as("a path spelled to look like its own").isIn(400, 403, 404);
    assertThat(productKey.post("/data/v1/" + mine + "/revenue_by_month", Map.of()).status()).as("read-only")
        .isEqualTo(403);

    Api otherKey = api().as(api().post("/api/v1/api-keys", Map.of("name", "other vendor", "role", "viewer",
        "product", other)).text("key"));
    assertThat(otherKey.get("/data/v1/" + mine + "/revenue_by_month").status()).isEqualTo(403);
    assertThat(withRole("viewer").get("/data/v1/" + mine + "/revenue_by_month").status()).as("any platform key")
        .isEqualTo(200);

    Api.Response writer = api().post("/api/v1/api-keys", Map.of("name", "x", "role", "engineer", "product", mine));
    assertThat(writer.status()).as(writer.body()).isEqualTo(400);
    assertThat(writer.body()).contains("must be viewer");
    assertThat(api().post("/api/v1/api-keys", Map.of("name", "x", "role", "viewer", "product",
        "no_such_product_12345678")).status()).isEqualTo(404);
    assertThat(api().get("/api/v1/api-keys").json().findValuesAsText("product")).contains(mine, other);
  }

  private static List<List<Object>> sql(String query) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Connection c = ScratchDatabases.postgres(sourceDb); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      while (rs.next()) {
        rows.add(List.of(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros(), rs.getLong(3)));
      }
    }
    return rows;
  }
}
