package org.openforge.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for the public API: real requests, every status returned (no exceptions on 4xx). */
public class Api {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;
  private final String key;

  public Api(int port, String key) {
    this.base = "http://localhost:" + port;
    this.key = key;
  }

  public Api as(String otherKey) {
    return new Api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), otherKey);
  }

  /** A response: status, raw body, parsed JSON (null when not JSON) and content type. */
  public record Response(int status, String body, JsonNode json, String contentType) {
    public JsonNode get(String field) {
      return json.get(field);
    }

    public String text(String field) {
      JsonNode node = json.get(field);
      return node == null || node.isNull() ? null : node.asText();
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Response post(String path, Object body) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json(body))));
  }

  public Response delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  public Response send(HttpRequest.Builder builder) {
    if (key != null) {
      builder.header("X-API-Key", key);
    }
    try {
      HttpResponse<String> response = HTTP.send(builder.timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString());
      String type = response.headers().firstValue("Content-Type").orElse("");
      JsonNode json = null;
      if (type.contains("json") && !response.body().isEmpty()) {
        json = MAPPER.readTree(response.body());
      }
      return new Response(response.statusCode(), response.body(), json, type);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String json(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public String base() {
    return base;
  }
}
