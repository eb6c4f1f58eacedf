package org.openforge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openforge.support.Api;
import org.openforge.support.IntegrationTest;

/**
 * Concurrent forced transitions (and a pause among them) on one engagement over HTTP: exactly one transition wins,
 * the others are 409 with the engagement's state, never a 500, one audit row, and the lifecycle keeps its phase.
 */
class TransitionRaceTest extends IntegrationTest {

  @Test
  void oneOfManyConcurrentTransitionsWins() throws Exception {
    for (int round = 0; round < 3; round++) {
      String id = createEngagement(Map.of("agent_config", Map.of("auto_run", false))).get("id").asText();
      driver().runJobs(id);
      List<Integer> statuses = race(id, 4);
      assertThat(statuses).as("round " + round).doesNotContain(500).containsOnly(200, 409);
      long forced = api().get("/api/v1/engagements/" + id + "/audit").json().findValuesAsText("action").stream()
          .filter("transition.forced"::equals).count();
      assertThat(forced).as("one audit row per transition that happened")
          .isEqualTo(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
      driver().runJobs(id);
      assertThat(engagement(id).get("current_phase").asText()).isEqualTo("design");
      assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id)
          .processDefinitionKey("phase-design").count()).as("the lifecycle has its phase").isEqualTo(1);
    }
  }

  private List<Integer> race(String id, int callers) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    Api admin = api();
    for (int i = 0; i < callers; i++) {
      results.add(pool.submit(() -> {
        start.await();
        Api.Response r = admin.post("/api/v1/engagements/" + id + "/transitions",
            Map.of("target_phase", "design", "force", true, "notes", "race"));
        return r.status();
      }));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> f : results) {
      statuses.add(f.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();
    return statuses;
  }
}
