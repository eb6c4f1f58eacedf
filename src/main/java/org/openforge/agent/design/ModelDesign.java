package org.openforge.agent.design;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openforge.agent.AgentContext;
import org.openforge.agent.design.model.ModelChecks;
import org.openforge.agent.design.model.ModelGraph;
import org.openforge.agent.discovery.requirements.Requirement;
import org.openforge.agent.discovery.requirements.RequirementsDocument;
import org.openforge.engagement.Artifact;
import org.openforge.ontology.infer.Provenance;
import org.openforge.ontology.linkml.ClassDefinition;
import org.openforge.ontology.linkml.SchemaView;
import org.openforge.ontology.linkml.SlotDefinition;

/**
 * The model graph of a transformation design: the metric requirements of the newest requirements document, bound
 * to the current catalogs and checked on the sources through the run's data tools (so tool approvals, the read-only
 * guard and the audit apply to every statement).
 */
final class ModelDesign {

  private ModelDesign() {}

  static ModelGraph design(AgentContext context, DesignArtifacts artifacts, DataTools access,
      CurrentCatalogs current, SchemaView ontology) {
    List<Requirement> metrics = metrics(context, artifacts);
    ModelChecks.Source source = new ModelChecks.Source() {
      @Override
      public ModelChecks.Outcome query(String sourceId, String sql, int maxRows) {
        DataTools.Result<org.openforge.datasource.catalog.QueryResult> r = access.sql(sourceId, sql, List.of(),
            maxRows);
        return new ModelChecks.Outcome(r.value(), r.error());
      }

      @Override
      public ModelChecks.Outcome sample(String sourceId, String table, int maxRows) {
        DataTools.Result<org.openforge.datasource.catalog.QueryResult> r = access.sample(sourceId, table, maxRows);
        return new ModelChecks.Outcome(r.value(), r.error());
      }
    };
    return ModelGraph.design(current.catalogs(), metrics, enums(ontology), source);
  }

  private static List<Requirement> metrics(AgentContext context, DesignArtifacts artifacts) {
    Optional<Artifact> document = context.latest(RequirementsInput.KIND);
    if (document.isEmpty() || document.get().content() == null) {
      return List.of();
    }
    RequirementsDocument read = artifacts.json().read(document.get().content(), RequirementsDocument.class);
    List<Requirement> out = new ArrayList<>();
    for (Requirement r : read.functional() == null ? List.<Requirement>of() : read.functional()) {
      if ("metric".equals(r.kind()) && r.metric() != null) {
        out.add(r);
      }
    }
    return out;
  }

  /** The permitted values of the ontology's enumerations, by the source column they were inferred from. */
  private static Map<String, List<String>> enums(SchemaView view) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (ClassDefinition c : view.classes().values()) {
      Optional<String> table = Provenance.of(c, Provenance.SOURCE_TABLE);
      for (SlotDefinition s : c.attributes().values()) {
        Optional<String> column = Provenance.of(s, Provenance.SOURCE_COLUMN);
        if (table.isPresent() && column.isPresent() && s.range() != null && view.isEnum(s.range())) {
          view.enumDefinition(s.range()).ifPresent(e -> {
            if (!e.permissibleValues().isEmpty()) {
              out.put(table.get() + "." + column.get(), List.copyOf(e.permissibleValues().keySet()));
            }
          });
        }
      }
    }
    return out;
  }
}
