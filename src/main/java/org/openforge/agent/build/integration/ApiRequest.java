package org.openforge.agent.build.integration;

import java.util.LinkedHashMap;
import java.util.Map;

/** A request to an endpoint: path parameters, equality filters (list endpoints), paging. */
public record ApiRequest(Map<String, String> path, Map<String, String> filters, int limit, int offset) {

  public ApiRequest {
    path = path == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(path));
    filters = filters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(filters));
  }

  public static ApiRequest page(int limit, int offset) {
    return new ApiRequest(Map.of(), Map.of(), limit, offset);
  }

  public static ApiRequest byPath(String name, String value) {
    Map<String, String> path = new LinkedHashMap<>();
    path.put(name, value);
    return new ApiRequest(path, Map.of(), 50, 0);
  }

  /** The request as a URL: {@code /customers/17}, {@code /customers?segment=SMB&limit=50&offset=0}. */
  public String url(String template, boolean paged) {
    String url = template;
    for (Map.Entry<String, String> e : path.entrySet()) {
      url = url.replace("{" + e.getKey() + "}", encode(e.getValue()));
    }
    StringBuilder query = new StringBuilder();
    filters.forEach((k, v) -> query.append(query.length() == 0 ? "?" : "&").append(k).append('=').append(encode(v)));
    if (paged) {
      query.append(query.length() == 0 ? "?" : "&").append("limit=").append(limit).append("&offset=").append(offset);
    }
    return url + query;
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }
}
