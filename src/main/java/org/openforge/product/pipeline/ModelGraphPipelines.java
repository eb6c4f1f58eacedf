package org.openforge.product.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.openforge.agent.build.pipeline.PlatformPipelines;
import org.openforge.agent.design.model.DataModel;
import org.openforge.agent.design.model.ModelGraph;
import org.openforge.engagement.Engagement;
import org.openforge.product.ProductNames;
import org.openforge.system.ApiException;
import org.springframework.stereotype.Component;

/** Turns a design's model graph into the plan of a pipeline version, deploys it and starts its first run. */
@Component
public class ModelGraphPipelines implements PlatformPipelines {

  private final PipelineService pipelines;
  private final org.openforge.datasource.DataSources dataSources;

  public ModelGraphPipelines(PipelineService pipelines, org.openforge.datasource.DataSources dataSources) {
    this.pipelines = pipelines;
    this.dataSources = dataSources;
  }

  /** The plan a model graph runs: its source tables, its models in layers, their tests. */
  public static PipelinePlan plan(ModelGraph graph) {
    List<PipelinePlan.SourceTable> tables = graph.tables().stream()
        .map(t -> new PipelinePlan.SourceTable(t.name(), t.sourceId(), t.sourceTable())).toList();
    List<PipelinePlan.Model> models = new ArrayList<>();
    for (DataModel m : graph.models()) {
      models.add(new PipelinePlan.Model(m.name(), m.layer(), m.kind(), m.sql(), m.upstream(), m.tests().stream()
          .map(t -> new PipelinePlan.ModelTest(t.name(), t.kind(), t.failingRowsSql())).toList()));
    }
    return new PipelinePlan(PipelinePlan.SCHEMA_VERSION, tables, models);
  }

  @Override
  public java.util.Map<String, String> dagsterExport(Engagement engagement, ModelGraph graph, String packageName,
      String cron, String scheduleDescription) {
    java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
    graph.tables().forEach(t -> names.putIfAbsent(t.sourceId(), dataSources.find(t.sourceId())
        .map(org.openforge.datasource.DataSourceRecord::name).orElse(t.sourceId())));
    return DagsterExport.generate(new DagsterExport.Input(engagement.name(), packageName,
        ProductNames.schema(engagement), cron, scheduleDescription, plan(graph), names));
  }

  @Override
  public Deployed deploy(Engagement engagement, ModelGraph graph, String cron, java.time.Duration maxDataAge) {
    PipelinePlan base = plan(graph);
    PipelinePlan plan = new PipelinePlan(base.schemaVersion(), base.tables(), base.models(), maxDataAge);
    int version = pipelines.deploy(engagement, plan, cron);
    String runId;
    try {
      runId = pipelines.runNow(engagement.id(), "build").id();
    } catch (ApiException e) {
      runId = null;
    }
    return new Deployed(PipelineProcess.key(ProductNames.slug(engagement)), version, runId,
        plan.tables().stream().map(PipelinePlan.SourceTable::name).toList(), plan.models().size(),
        plan.models().stream().mapToInt(m -> m.tests().size()).sum());
  }
}
