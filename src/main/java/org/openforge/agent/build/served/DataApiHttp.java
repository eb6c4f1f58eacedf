package org.openforge.agent.build.served;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP client of one product's served data API, as its users call it: {@code GET} with the product key in
 * {@code X-API-Key}, reading the preview stage (the version the latest pipeline run published, deployed or not).
 */
public final class DataApiHttp {

  public static final String STAGE_HEADER = "X-Data-Product-Stage";

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;
  private final String key;
  private final ObjectMapper mapper;

  /** One call and what it gave: the URL, the status, the time, the headers that matter and the parsed body. */
  public record Call(String method, String url, int status, double ms, Map<String, String> headers, JsonNode body,
      String error) {

    /** What a report shows of the call (not the body). */
    public Map<String, Object> evidence() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("call", method + " " + url);
      out.put("status", status);
      out.put("ms", Math.round(ms * 10) / 10.0);
      out.putAll(headers);
      if (error != null) {
        out.put("error", error);
      }
      return out;
    }
  }

  /** @param key null to call without credentials */
  public DataApiHttp(String baseUrl, String product, String key, ObjectMapper mapper) {
    this.base = baseUrl + "/data/v1/" + product;
    this.key = key;
    this.mapper = mapper;
  }

  public String base() {
    return base;
  }

  public Call get(String path) {
    return get(path, Map.of());
  }

  /** GET of a path under the product ({@code /model?...}); extra headers such as If-None-Match. */
  public Call get(String path, Map<String, String> headers) {
    String url = base + path;
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET()
        .header(STAGE_HEADER, "preview").header("Accept", "application/json");
    if (key != null) {
      request.header("X-API-Key", key);
    }
    headers.forEach(request::header);
    long started = System.nanoTime();
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      double ms = (System.nanoTime() - started) / 1e6;
      Map<String, String> kept = new LinkedHashMap<>();
      response.headers().firstValue("X-Total-Count").ifPresent(v -> kept.put("x_total_count", v));
      response.headers().firstValue("ETag").ifPresent(v -> kept.put("etag", v));
      JsonNode body = null;
      if (!response.body().isEmpty()) {
        try {
          body = mapper.readTree(response.body());
        } catch (IOException e) {
          body = mapper.getNodeFactory().textNode(response.body());
        }
      }
      return new Call("GET", url, response.statusCode(), ms, kept, body, null);
    } catch (IOException e) {
      return new Call("GET", url, -1, (System.nanoTime() - started) / 1e6, Map.of(), null, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Call("GET", url, -1, (System.nanoTime() - started) / 1e6, Map.of(), null, "interrupted");
    }
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
