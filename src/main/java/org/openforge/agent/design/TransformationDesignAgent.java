package org.openforge.agent.design;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openforge.agent.Agent;
import org.openforge.agent.AgentContext;
import org.openforge.agent.AgentDeclinedException;
import org.openforge.agent.AgentResult;
import org.openforge.agent.design.model.ModelGraph;
import org.openforge.datasource.catalog.ColumnInfo;
import org.openforge.engagement.ArtifactService;
import org.springframework.stereotype.Component;

/**
 * The built-in {@code transformation_design} agent: maps the attached sources' columns to the ontology's slots —
 * direct, cast, lookup through a foreign key or junction table, aggregation over a related table (the guide's
 * {@code SUM(amount) OVER (PARTITION BY customer_id)}), derived — and lists what stays unmapped and why. The
 * artifact ({@code transformation_mapping}) is
 * {@code {"mappings": [{class, source_id, source_table, slots: [{slot, kind, source_column, expression, source_type,
 * target_range}]}], "unmapped": [{class, slot, reason}]}}; an unmapped class has {@code slot: null}. Input:
 * {@code ontology_id} or {@code schema_id} (default the newest ontology).
 */
@Component
public class TransformationDesignAgent implements Agent {

  public static final String TASK_TYPE = "transformation_design";
  public static final String KIND = "transformation_mapping";

  private final DesignArtifacts artifacts;

  TransformationDesignAgent(DesignArtifacts artifacts) {
    this.artifacts = artifacts;
  }

  @Override
  public String taskType() {
    return TASK_TYPE;
  }

  @Override
  public AgentResult run(AgentContext context) {
    OntologyInput ontology = OntologyInput.load(context, artifacts, "ontology_id", "schema_id");
    context.progress("ontology", ontology.artifact().name() + " version " + ontology.artifact().version());
    DataTools access = new DataTools(context, artifacts.json());
    // CSV sources are profiled: their foreign keys are inferred from the values, and the analytical asks reach
    // their dimensions through them (sales → customers → regions)
    CurrentCatalogs current = CurrentCatalogs.load(context, access, access.attached(), 1);
    if (current.catalogs().isEmpty()) {
      throw new AgentDeclinedException("no attached data source could be read, so nothing can be mapped"
          + (current.warnings().isEmpty() ? ": attach one to the engagement" : ": " + String.join("; ",
          current.warnings())));
    }
    List<ClassSource> bindings = Bindings.bind(ontology.view(), current.catalogs());
    List<TransformationMapping.ClassMapping> mappings = new ArrayList<>();
    List<TransformationMapping.Unmapped> unmapped = new ArrayList<>();
    Map<String, List<String>> unused = new LinkedHashMap<>();
    int mappedSlots = 0;
    int unmappedSlots = 0;
    Map<String, Integer> kinds = new LinkedHashMap<>();
    for (ClassSource cls : bindings) {
      if (!cls.bound()) {
        unmapped.add(entry(cls.className(), null, cls.reason()));
        unmappedSlots += ontology.view().inducedSlots(cls.className()).size();
        continue;
      }
      String type = current.types().get(cls.table().sourceId());
      List<SlotMapping> slots = new ArrayList<>();
      Set<String> used = new LinkedHashSet<>();
      for (SlotSource b : cls.slots()) {
        if (b.kind() == SlotSource.Kind.UNBOUND) {
          unmapped.add(entry(cls.className(), b.name(), b.reason()));
          unmappedSlots++;
          continue;
        }
        SlotMapping m = SlotMapping.of(b, cls, bindings, ontology.view(), type);
        slots.add(m);
        kinds.merge(m.kind(), 1, Integer::sum);
        if (b.kind() == SlotSource.Kind.COLUMN || b.kind() == SlotSource.Kind.REFERENCE
            || (b.kind() == SlotSource.Kind.COMPUTED && (b.via() == null || b.via().sameAs(cls.table())))) {
          used.addAll(b.columns());
        }
      }
      mappedSlots += slots.size();
      mappings.add(new TransformationMapping.ClassMapping(cls.className(), cls.table().sourceId(),
          cls.table().qualifiedName(), slots));
      List<String> left = cls.table().table().columns().stream().map(ColumnInfo::name)
          .filter(c -> !used.contains(c)).toList();
      if (!left.isEmpty()) {
        unused.put(cls.table().sourceId() + ":" + cls.table().qualifiedName(), left);
      }
      context.progress("mapping", cls.className() + " ← " + cls.table().qualifiedName() + ": " + slots.size()
          + " slots mapped");
    }
    long mappedClasses = bindings.stream().filter(ClassSource::bound).count();
    long unmappedClasses = bindings.size() - mappedClasses;
    ModelGraph graph = ModelDesign.design(context, artifacts, access, current, ontology.view());
    context.progress("models", graph.models().size() + " models for " + graph.metrics().size()
        + " metric requirements; " + graph.checks().size() + " checks run, " + graph.defects().size()
        + " defects");
    TransformationMapping document = new TransformationMapping(TransformationMapping.SCHEMA_VERSION, mappings,
        unmapped, graph);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("mapped_class_count", mappedClasses);
    metadata.put("unmapped_class_count", unmappedClasses);
    metadata.put("mapped_slot_count", mappedSlots);
    metadata.put("unmapped_slot_count", unmappedSlots);
    long boundMetrics = graph.metrics().stream().filter(m -> m.status().equals("bound")).count();
    metadata.put("model_count", graph.models().size());
    metadata.put("metric_count", graph.metrics().size());
    metadata.put("bound_metric_count", boundMetrics);
    metadata.put("model_defect_count", graph.defects().size());
    String summary = "Mapped " + mappedClasses + " of " + bindings.size() + " classes and " + mappedSlots
        + " slots of ontology " + ontology.view().schema().name() + " v" + ontology.artifact().version() + " "
        + kinds + "; " + unmappedSlots + " slots unmapped; " + graph.models().size() + " models answer "
        + boundMetrics + " of " + graph.metrics().size() + " metric requirements" + (graph.defects().isEmpty() ? ""
        : "; " + graph.defects().size() + " models failed their checks and are not offered");
    Map<String, Object> outputs = new LinkedHashMap<>(metadata);
    outputs.put("kinds", kinds);
    outputs.put("unmapped", unmapped);
    outputs.put("unused_columns", unused);
    outputs.put("warnings", current.warnings());
    outputs.put("metrics", graph.metrics());
    outputs.put("model_defects", graph.defects());
    outputs.put("open_questions", graph.metrics().stream().filter(m -> !m.status().equals("bound"))
        .map(m -> m.requirement() + " (" + m.title() + "): " + m.reason()).toList());
    context.progress("done", summary);
    double confidence = bindings.isEmpty() ? 0.3 : Math.round((0.5 + 0.45 * mappedClasses / bindings.size()) * 100)
        / 100.0;
    return new AgentResult(outputs, List.of(new ArtifactService.Draft("transformation-mapping.json", KIND,
        "application/json", artifacts.json().write(document), summary, metadata)), confidence, summary);
  }

  private static TransformationMapping.Unmapped entry(String className, String slot, String reason) {
    return new TransformationMapping.Unmapped(className, slot, reason);
  }
}
