package org.openforge.agent.deploy;

import static org.openforge.agent.build.BuildJson.map;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The security checks of the running product rather than of its documents: what an unauthenticated caller gets from
 * the platform serving it, over HTTP on 127.0.0.1 — the data API and its OpenAPI refused, the platform API refused,
 * and no API key or password in the dashboard's page, its runtime script or the published API descriptions. Each
 * check names the URLs it called and the statuses it got.
 */
public final class RunningProduct {

  private static final Pattern SECRET = Pattern.compile("ofk_[A-Za-z0-9_-]{20,}|(?i)\"password\"\\s*:\\s*\"[^\"*]+\"");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private RunningProduct() {}

  /** @param baseUrl the platform's own address ({@code http://127.0.0.1:<port>}), null when it is not serving */
  public static List<SecurityCheck> probe(String baseUrl, String product) {
    List<SecurityCheck> checks = new ArrayList<>();
    if (baseUrl == null) {
      checks.add(SecurityCheck.fail("running.reachable", "running product", "The running product was probed",
          "medium", "the platform's HTTP port is unknown: nothing was called", map(), "run the review on the"
              + " serving platform"));
      return checks;
    }
    refused(checks, "running.data_api_authentication", "The data API refuses callers without a key",
        baseUrl + "/data/v1/" + product + "/openapi.json");
    refused(checks, "running.platform_api_authentication", "The platform API refuses callers without a key",
        baseUrl + "/api/v1/engagements");
    List<String> scanned = List.of(baseUrl + "/apps/" + product + "/", baseUrl + "/app-runtime/dashboard.js",
        baseUrl + "/v3/api-docs");
    Map<String, Object> statuses = new LinkedHashMap<>();
    List<String> leaks = new ArrayList<>();
    long bytes = 0;
    for (String url : scanned) {
      Response r = get(url);
      statuses.put(url, r.status());
      bytes += r.body().length();
      if (SECRET.matcher(r.body()).find()) {
        leaks.add(url);
      }
    }
    Map<String, Object> evidence = map("called", statuses, "bytes_scanned", bytes);
    checks.add(leaks.isEmpty()
        ? SecurityCheck.pass("running.no_secret_served", "secrets", "No key or password in what the product serves",
            "no API key (ofk_…) or password value in the dashboard page, its script or the API description",
            evidence)
        : SecurityCheck.fail("running.no_secret_served", "secrets", "No key or password in what the product serves",
            "high", "a key or password is served at " + leaks, evidence, "remove it; pages get data through"
                + " the signed link's session, never a key"));
    return checks;
  }

  private static void refused(List<SecurityCheck> checks, String id, String title, String url) {
    Response r = get(url);
    Map<String, Object> evidence = map("called", "GET " + url + " without credentials", "status", r.status());
    if (r.status() == 401 || r.status() == 403) {
      checks.add(SecurityCheck.pass(id, "authentication", title, "refused with " + r.status(), evidence));
    } else {
      checks.add(SecurityCheck.fail(id, "authentication", title, "high", r.status() < 0
          ? "the call failed: " + r.body() : "answered " + r.status() + " without credentials", evidence,
          "require an API key, a product key or the dashboard's session"));
    }
  }

  private record Response(int status, String body) {}

  private static Response get(String url) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body() == null ? "" : r.body());
    } catch (java.io.IOException e) {
      return new Response(-1, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Response(-1, "interrupted");
    }
  }
}
