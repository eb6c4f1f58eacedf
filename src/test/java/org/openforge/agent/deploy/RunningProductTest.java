package org.openforge.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The running-product probe fails on a server that answers without credentials or serves a key. */
class RunningProductTest {

  @Test
  void anOpenApiAndAServedKeyAreHighFindings() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      boolean open = path.startsWith("/data/v1/") || path.startsWith("/apps/");
      byte[] body = (path.startsWith("/apps/") ? "<script>const key = 'ofk_abcdefghijklmnopqrstuvwxyz012345';</script>"
          : "{}").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(open ? 200 : 401, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      List<SecurityCheck> checks = RunningProduct.probe("http://127.0.0.1:" + server.getAddress().getPort(), "p");
      Map<String, String> outcome = checks.stream().collect(Collectors.toMap(SecurityCheck::id,
          c -> c.status() + " " + c.severity()));
      assertThat(outcome).containsEntry("running.data_api_authentication", "fail high")
          .containsEntry("running.platform_api_authentication", "pass info")
          .containsEntry("running.no_secret_served", "fail high");
    } finally {
      server.stop(0);
    }
    assertThat(RunningProduct.probe(null, "p")).extracting(SecurityCheck::status).containsExactly("fail");
  }
}
