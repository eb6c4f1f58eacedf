package org.openforge.product.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openforge.product.api.ApiColumn;
import org.openforge.product.api.DataApiService;
import org.openforge.product.pipeline.PipelinePlan;
import org.openforge.product.pipeline.PipelineRunStore;
import org.openforge.product.target.ColumnType;
import org.springframework.stereotype.Component;

/**
 * The dashboard of a published product, laid out from its models: for each model a KPI card (the total of its
 * first measure), a line chart when it has a date (a time series) or a bar chart when it has a label, and a table.
 * Models come first, loaded source tables are not shown.
 */
@Component
public class DashboardSpecs {

  private static final int BAR_LIMIT = 20;
  private static final int TABLE_PAGE = 20;

  private final PipelineRunStore runs;

  public DashboardSpecs(PipelineRunStore runs) {
    this.runs = runs;
  }

  public DashboardSpec of(DataApiService.Product product) {
    String engagementId = product.engagement().id();
    List<String> models = runs.plan(engagementId, runs.latestVersion(engagementId))
        .map(plan -> plan.models().stream().map(PipelinePlan.Model::name).toList())
        .orElse(List.copyOf(product.models().keySet()));
    List<DashboardSpec.Widget> widgets = new ArrayList<>();
    for (String model : models) {
      Map<String, ApiColumn> columns = product.models().get(model);
      if (columns != null) {
        widgets.addAll(widgets(model, columns));
      }
    }
    return new DashboardSpec(DashboardSpec.SCHEMA_VERSION, product.name(), product.engagement().name(),
        product.version(), widgets);
  }

  private static List<DashboardSpec.Widget> widgets(String model, Map<String, ApiColumn> columns) {
    List<String> measures = columns.values().stream().filter(c -> c.type().numeric() && !isKey(c.name()))
        .map(ApiColumn::name).toList();
    Optional<String> date = columns.values().stream()
        .filter(c -> c.type() == ColumnType.DATE || c.type() == ColumnType.TIMESTAMP).map(ApiColumn::name)
        .findFirst();
    Optional<String> label = columns.values().stream().filter(c -> c.type() == ColumnType.TEXT)
        .map(ApiColumn::name).findFirst();
    String title = model.replace('_', ' ');
    List<DashboardSpec.Widget> widgets = new ArrayList<>();
    if (!measures.isEmpty()) {
      String measure = measures.get(0);
      widgets.add(new DashboardSpec.Widget("kpi", "Total " + measure.replace('_', ' ') + " · " + title, model, null,
          List.of(measure), "sum", null, null));
      List<String> plotted = measures.subList(0, Math.min(2, measures.size()));
      if (date.isPresent()) {
        widgets.add(new DashboardSpec.Widget("line", title, model, date.get(), plotted, null, null, null));
      } else if (label.isPresent()) {
        widgets.add(new DashboardSpec.Widget("bar", title, model, label.get(), List.of(measure), null, BAR_LIMIT,
            null));
      }
    }
    widgets.add(new DashboardSpec.Widget("table", title, model, null, List.copyOf(columns.keySet()), null, null,
        TABLE_PAGE));
    return widgets;
  }

  private static boolean isKey(String column) {
    return column.equals("id") || column.endsWith("_id");
  }
}
