package org.openforge.product.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
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
import org.openforge.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The served dashboard: a signed link becomes the page's session (never a key in the URL or the page), the page's
 * data calls are limited to its own product, a bad link is a 401 page — and in headless Chromium the KPI cards show
 * what SQL over the source gives.
 */
class DashboardTest extends IntegrationTest {

  private static final String BY_CHANNEL = """
      select channel, sum(amount) as revenue, count(*) as orders from orders group by channel""";
  private static String sourceDb;
  private static String engagementId;
  private static String product;

  @Autowired
  PipelineService pipelines;
  @Autowired
  EngagementRepository engagementRows;

  @BeforeAll
  static void source() throws SQLException {
    engagementId = null;
    sourceDb = ScratchDatabases.createPostgres("dashboard");
    try (Connection c = ScratchDatabases.postgres(sourceDb)) {
      ScratchDatabases.run(c, "create table orders (id integer primary key, day date not null, "
          + "channel text not null, amount numeric(10,2) not null)", "insert into orders select g, date '2024-01-01' "
          + "+ (g % 90), (array['online','store','phone'])[1 + g % 3], 5 + (g % 53) * 0.75 "
          + "from generate_series(1, 3000) g");
    }
  }

  @AfterAll
  static void drop() {
    ScratchDatabases.dropPostgres(sourceDb);
  }

  private void publish() {
    if (engagementId != null) {
      return;
    }
    String sourceId = ProductFixtures.postgresSource(api(), sourceDb);
    engagementId = createEngagement(Map.of("submit", false, "name", "Dashboard shop")).get("id").asText();
    Engagement engagement = engagementRows.findById(engagementId).orElseThrow();
    pipelines.deploy(engagement, new PipelinePlan(PipelinePlan.SCHEMA_VERSION,
        List.of(new SourceTable("orders", sourceId, "public.orders")), List.of(
            new Model("revenue_by_channel", "marts", "aggregate", BY_CHANNEL.replace("from orders", "from {{ ref('orders') }}"),
                List.of("orders"), List.of()),
            new Model("revenue_by_day", "marts", "aggregate", "select day, sum(amount) as revenue from {{ ref('orders') }} "
                + "group by day", List.of("orders"), List.of()))), "@daily");
    api().post("/api/v1/engagements/" + engagementId + "/pipeline-runs", Map.of());
    assertThat(driver().runJobs(engagementId)).isEmpty();
    assertThat(api().post("/api/v1/engagements/" + engagementId + "/product/deploy", Map.of()).status())
        .isEqualTo(200);
    product = ProductNames.slug(engagement);
  }

  @Test
  void aSignedLinkOpensTheDashboardAndOnlyItsOwnData() throws Exception {
    publish();
    String link = api().get("/api/v1/engagements/" + engagementId + "/product/dashboard-link").text("url");
    assertThat(link).startsWith("/apps/" + product + "/?expires=").doesNotContain(ADMIN_KEY);
    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<String> opened = client.send(get(link, null), HttpResponse.BodyHandlers.ofString());
    assertThat(opened.statusCode()).isEqualTo(303);
    assertThat(opened.headers().firstValue("Location")).contains("/apps/" + product + "/");
    String cookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
    String session = cookie.substring(0, cookie.indexOf(';'));

    HttpResponse<String> page = client.send(get("/apps/" + product + "/", session),
        HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("echarts.min.js").doesNotContain(ADMIN_KEY).doesNotContain("X-API-Key");
    assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
    JsonNode spec = new ObjectMapper().readTree(client.send(get("/apps/" + product + "/spec.json", session),
        HttpResponse.BodyHandlers.ofString()).body());
    assertThat(spec.get("widgets").findValuesAsText("type")).contains("kpi", "bar", "line", "table");
    assertThat(client.send(get("/data/v1/" + product + "/revenue_by_channel", session),
        HttpResponse.BodyHandlers.ofString()).statusCode()).as("the page's data calls").isEqualTo(200);

    assertThat(client.send(get("/apps/" + product + "/", null), HttpResponse.BodyHandlers.ofString()).statusCode())
        .as("no session").isEqualTo(401);
    HttpResponse<String> forged = client.send(get(link.replaceAll("sig=[^&]+", "sig=forged"), null),
        HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.body()).contains("not valid");
    String otherSession = session.replace("of_app_" + product, "of_app_other_12345678");
    assertThat(client.send(get("/data/v1/other_12345678/x", otherSession), HttpResponse.BodyHandlers.ofString())
        .statusCode()).as("a session opens its own product only").isEqualTo(401);
    assertThat(client.send(get("/api/v1/engagements", session), HttpResponse.BodyHandlers.ofString())
        .statusCode()).as("nor the platform API").isEqualTo(401);
  }

  @Test
  void aUserLoggedInToTheWebappsOpensTheDashboardWithoutALink() throws Exception {
    publish();
    CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER).build();
    assertThat(browser.send(get("/apps/" + product + "/", null), HttpResponse.BodyHandlers.ofString()).statusCode())
        .as("not logged in yet").isEqualTo(401);

    // as the login page does: a first call hands out the CSRF token, the login posts it back
    browser.send(get("/operaton/api/admin/auth/user/default", null), HttpResponse.BodyHandlers.ofString());
    String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/operaton/api/admin/auth/user/default/login/welcome"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + ADMIN_USER + "&password=" + ADMIN_PASSWORD))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

    HttpResponse<String> page = browser.send(get("/apps/" + product + "/", null),
        HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("echarts.min.js").doesNotContain(ADMIN_KEY);
    assertThat(browser.send(get("/apps/" + product + "/spec.json", null), HttpResponse.BodyHandlers.ofString())
        .statusCode()).isEqualTo(200);
    HttpResponse<String> rows = browser.send(get("/data/v1/" + product + "/revenue_by_channel", null),
        HttpResponse.BodyHandlers.ofString());
    assertThat(rows.statusCode()).as(rows.body()).isEqualTo(200);
    assertThat(browser.send(get("/api/v1/engagements", null), HttpResponse.BodyHandlers.ofString()).statusCode())
        .as("the webapp login is no API key").isEqualTo(401);
    assertThat(browser.send(get("/apps/no_such_product_12345678/", null), HttpResponse.BodyHandlers.ofString())
        .statusCode()).isEqualTo(404);

    browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/operaton/api/admin/auth/user/default/logout")).header("X-XSRF-TOKEN", cookies.getCookieStore()
        .getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst()
        .orElse(xsrf)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(browser.send(get("/apps/" + product + "/", null), HttpResponse.BodyHandlers.ofString()).statusCode())
        .as("logged out").isEqualTo(401);
  }

  @Test
  void inChromiumTheKpiCardsShowWhatSqlGives() throws Exception {
    boolean ready = Files.isExecutable(Path.of(chromium()))
        && Files.isDirectory(Path.of("src/test/ui/node_modules/playwright-core"));
    if (!ready && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI=true but chromium or src/test/ui/node_modules is missing: run .ci/run");
    }
    Assumptions.assumeTrue(ready, "chromium or playwright-core not installed (see .ci/run)");
    publish();
    String link = api().get("/api/v1/engagements/" + engagementId + "/product/dashboard-link").text("url");
    JsonNode shown = browser(link);
    assertThat(shown.get("error").isNull()).as(shown.toString()).isTrue();
    assertThat(shown.get("failures")).as("page errors").isEmpty();
    assertThat(shown.get("url").asText()).as("the signature left the address bar").doesNotContain("sig=");
    assertThat(shown.get("html").asText()).doesNotContain(ADMIN_KEY);
    assertThat(shown.get("charts").asInt()).isEqualTo(2);
    JsonNode revenue = null;
    for (JsonNode kpi : shown.get("kpis")) {
      if (kpi.get("model").asText().equals("revenue_by_channel")) {
        revenue = kpi;
      }
    }
    assertThat(revenue).as(shown.get("kpis").toString()).isNotNull();
    assertThat(new BigDecimal(revenue.get("value").asText())).isEqualByComparingTo(total());
  }

  private JsonNode browser(String link) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("node", "src/test/ui/open-dashboard.mjs").redirectErrorStream(true);
    builder.environment().put("BASE_URL", "http://localhost:" + port);
    builder.environment().put("LINK", link);
    builder.environment().put("CHROMIUM", chromium());
    builder.environment().put("SCREENSHOT", "target/ui/dashboard.png");
    Process process = builder.start();
    boolean finished = process.waitFor(120, TimeUnit.SECONDS);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(finished && process.exitValue() == 0).as("browser run:\n" + output).isTrue();
    String result = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElseThrow(
        () -> new AssertionError("no result:\n" + output));
    return new ObjectMapper().readTree(result.substring("RESULT ".length()));
  }

  private static BigDecimal total() throws SQLException {
    try (Connection c = ScratchDatabases.postgres(sourceDb); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select sum(amount) from orders")) {
      rs.next();
      return rs.getBigDecimal(1);
    }
  }

  private HttpRequest get(String path, String cookie) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return b.build();
  }

  private static String chromium() {
    String configured = System.getenv("CHROMIUM");
    return configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured;
  }
}
