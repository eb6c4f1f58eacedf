package org.openforge.product.pipeline;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openforge.datasource.CsvRoots;
import org.openforge.datasource.DataSources;
import org.openforge.datasource.catalog.SourceExtracts;
import org.openforge.engagement.Engagement;
import org.openforge.engagement.EngagementRepository;
import org.openforge.product.ProductNames;
import org.openforge.product.pipeline.PipelinePlan.Model;
import org.openforge.product.pipeline.PipelinePlan.ModelTest;
import org.openforge.product.pipeline.PipelinePlan.SourceTable;
import org.openforge.product.target.BulkLoader;
import org.openforge.product.target.ProductTargets;
import org.openforge.product.target.Publisher;
import org.openforge.product.target.AnalyticalTarget;
import org.springframework.stereotype.Service;

/**
 * The work of a pipeline run, free of the engine: each step reads the run's plan, works on the run's version
 * schema in the target and records what it did. A run builds into its own version; only publishing makes it live,
 * so a failed or rejected run leaves the published data as it was.
 */
@Service
public class PipelineExecutor {

  private static final Pattern REF = Pattern.compile("\\{\\{\\s*ref\\(\\s*'([^']+)'\\s*\\)\\s*}}");
  /** Published versions kept besides the live one: the previous, for a rollback. */
  private static final int KEEP_PUBLISHED = 1;
  private static final int EXAMPLES = 5;

  private final PipelineRunStore runs;
  private final EngagementRepository engagements;
  private final DataSources dataSources;
  private final ProductTargets targets;
  private final CsvRoots csvRoots;
  private final PipelineMetrics metrics;
  private final Clock clock;

  public PipelineExecutor(PipelineRunStore runs, EngagementRepository engagements, DataSources dataSources,
      ProductTargets targets, CsvRoots csvRoots, PipelineMetrics metrics, Clock clock) {
    this.runs = runs;
    this.engagements = engagements;
    this.dataSources = dataSources;
    this.targets = targets;
    this.csvRoots = csvRoots;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** A run started: its record, and the tables it loads. */
  public record Started(String runId, List<String> tables) {}

  public Started prepare(String engagementId, String processInstanceId, String trigger) {
    int version = runs.latestVersion(engagementId);
    PipelinePlan plan = runs.plan(engagementId, version)
        .orElseThrow(() -> new IllegalStateException("engagement " + engagementId + " has no pipeline"));
    String id = UUID.randomUUID().toString();
    runs.insertRun(new PipelineRun(id, engagementId, version, runs.nextTargetVersion(engagementId),
        PipelineRun.RUNNING, trigger, null, now(), null, processInstanceId, List.of(), List.of()));
    return new Started(id, plan.tables().stream().map(SourceTable::name).toList());
  }

  public List<String> tables(String runId) {
    return run(runId).plan.tables().stream().map(SourceTable::name).toList();
  }

  public void load(String runId, String tableName) {
    Run run = run(runId);
    SourceTable table = run.plan.tables().stream().filter(t -> t.name().equals(tableName)).findFirst()
        .orElseThrow(() -> new IllegalStateException("the plan has no table " + tableName));
    step(run, "load " + tableName, "load", () -> {
      try (Connection target = run.target.open()) {
        return IncrementalLoads.load(table, run.target, target, run.schema(),
            (column, after) -> SourceExtracts.open(dataSources.get(table.sourceId()), table.sourceTable(), csvRoots,
                column, after));
      }
    });
  }

  public void build(String runId) {
    Run run = run(runId);
    for (Model model : ModelOrder.sorted(run.plan.models())) {
      step(run, "model " + model.name(), "model", () -> {
        try (Connection c = run.target.open(); Statement s = c.createStatement()) {
          String table = run.target.kind().qualified(run.schema(), model.name());
          s.execute("drop table if exists " + table);
          s.execute("create table " + table + " as " + render(model.sql(), run));
          long rows = count(s, "select count(*) from " + table);
          return new long[] {rows, rows};
        }
      });
    }
  }

  /** Runs every test of every model; returns whether any failed. */
  public boolean test(String runId) {
    Run run = run(runId);
    List<PipelineRun.Test> results = new ArrayList<>();
    step(run, "tests", "test", () -> {
      long failing = 0;
      try (Connection c = run.target.open(); Statement s = c.createStatement()) {
        for (Model model : run.plan.models()) {
          for (ModelTest test : model.tests() == null ? List.<ModelTest>of() : model.tests()) {
            String sql = render(test.failingRowsSql(), run);
            long count = count(s, "select count(*) from (" + sql + ") failing");
            results.add(new PipelineRun.Test(model.name(), test.name(), count == 0 ? "passed" : "failed", count,
                count == 0 ? List.of() : examples(s, sql)));
            failing += count == 0 ? 0 : 1;
          }
        }
      }
      return new long[] {results.size(), failing};
    });
    runs.replaceTests(runId, results);
    return results.stream().anyMatch(t -> !"passed".equals(t.status()));
  }

  /** The failing tests of a run as Markdown: each with its count and up to five example rows. */
  public String qualityReport(String runId) {
    StringBuilder md = new StringBuilder();
    for (PipelineRun.Test t : runs.find(run(runId).record.engagementId(), runId).orElseThrow().tests()) {
      if (!"passed".equals(t.status())) {
        md.append("- **").append(t.model()).append("**: ").append(t.test()).append(" — ").append(t.failingRows())
            .append(t.failingRows() == 1 ? " failing row" : " failing rows");
        t.examples().forEach(example -> md.append("\n  - `").append(example).append('`'));
        md.append('\n');
      }
    }
    return md.toString();
  }

  public void publish(String runId) {
    Run run = run(runId);
    step(run, "publish", "publish", () -> {
      try (Connection c = run.target.open()) {
        List<String> relations = run.plan.relationNames();
        Publisher.publish(run.target, c, run.record.targetVersion(), relations);
        java.util.Set<Integer> keep = new java.util.HashSet<>(runs.publishedVersions(run.record.engagementId(),
            KEEP_PUBLISHED));
        runs.open(run.record.engagementId()).forEach(open -> keep.add(open.targetVersion()));
        Publisher.dropVersionsExcept(run.target, c, keep);
        return new long[] {relations.size(), relations.size()};
      }
    });
    finish(run.record, PipelineRun.SUCCEEDED, null);
  }

  /** A reviewer kept the previous data: the run's version is dropped, the live data stays. */
  public void keepPrevious(String runId) {
    Run run = run(runId);
    try (Connection c = run.target.open(); Statement s = c.createStatement()) {
      s.execute("drop schema if exists " + run.target.kind().quote(run.schema()) + " cascade");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop " + run.schema() + ": " + e.getMessage(), e);
    }
    finish(run.record, PipelineRun.QUALITY_FAILED, "data quality tests failed; the previous data was kept");
  }

  /** A step failed for good (its retries are spent): the run failed, the live data is untouched. */
  public void fail(String runId, String error) {
    finish(run(runId).record, PipelineRun.FAILED, error);
  }

  private void finish(PipelineRun record, String status, String error) {
    OffsetDateTime at = now();
    runs.finishRun(record.id(), status, error, at);
    metrics.run(product(record), status, record.startedAt(), at);
  }

  private String product(PipelineRun record) {
    return ProductNames.slug(engagements.findById(record.engagementId()).orElseThrow());
  }

  private interface Work {
    long[] run() throws SQLException;
  }

  private void step(Run run, String name, String kind, Work work) {
    long started = System.nanoTime();
    try {
      long[] rows = work.run();
      runs.resumeIfFailed(run.record.id());
      runs.recordStep(run.record.id(), new PipelineRun.Step(name, kind, rows[0], rows[1], seconds(started),
          "succeeded", null), now());
      metrics.rows(product(run.record), name, kind, rows[1]);
    } catch (SQLException | RuntimeException e) {
      String error = e.getMessage();
      runs.recordStep(run.record.id(), new PipelineRun.Step(name, kind, null, null, seconds(started), "failed",
          error), now());
      throw new PipelineStepException(name + " failed: " + error, e);
    }
  }

  private String render(String sql, Run run) {
    Matcher m = REF.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(run.target.kind().qualified(run.schema(), m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static List<Object> examples(Statement s, String sql) throws SQLException {
    List<Object> rows = new ArrayList<>();
    try (ResultSet rs = s.executeQuery("select * from (" + sql + ") failing limit " + EXAMPLES)) {
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          Object v = rs.getObject(i);
          row.put(rs.getMetaData().getColumnLabel(i), v == null || v instanceof Number || v instanceof Boolean
              ? v : v.toString());
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private record Run(PipelineRun record, PipelinePlan plan, AnalyticalTarget target) {
    String schema() {
      return target.versionSchema(record.targetVersion());
    }
  }

  private Run run(String runId) {
    PipelineRun record = runs.findRun(runId).orElseThrow(() -> new IllegalStateException("no pipeline run " + runId));
    PipelinePlan plan = runs.plan(record.engagementId(), record.pipelineVersion()).orElseThrow();
    Engagement engagement = engagements.findById(record.engagementId()).orElseThrow();
    return new Run(record, plan, targets.of(engagement));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  private static double seconds(long startedNanos) {
    return Math.round((System.nanoTime() - startedNanos) / 1e6) / 1e3;
  }
}
