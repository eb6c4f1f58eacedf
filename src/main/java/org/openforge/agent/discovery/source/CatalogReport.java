package org.openforge.agent.discovery.source;

import java.util.List;
import java.util.Map;
import org.openforge.datasource.catalog.ColumnInfo;
import org.openforge.datasource.catalog.ForeignKey;
import org.openforge.datasource.catalog.QualityIssue;
import org.openforge.datasource.catalog.SourceCatalog;
import org.openforge.datasource.catalog.TableInfo;

/** The data source catalog as a readable Markdown report. */
final class CatalogReport {

  private CatalogReport() {}

  static String markdown(List<SourceCatalog> catalogs, List<Map<String, Object>> unreachable, CatalogSummary s) {
    StringBuilder md = new StringBuilder("# Data source catalog\n\n");
    md.append(s.sourceCount()).append(" source(s), ").append(s.tableCount()).append(" table(s), ")
        .append(s.columnCount()).append(" column(s), ").append(s.rowCount()).append(" row(s); ")
        .append(s.issueCount()).append(" data-quality issue(s) (").append(s.errorCount()).append(" error(s), ")
        .append(s.warningCount()).append(" warning(s)); mean quality score ").append(s.meanQualityScore())
        .append(".\n");
    for (Map<String, Object> u : unreachable) {
      md.append("\n> **Unreachable:** ").append(u.get("name")).append(" — ").append(u.get("error")).append('\n');
    }
    for (SourceCatalog catalog : catalogs) {
      md.append("\n## ").append(catalog.sourceName()).append(" (").append(catalog.sourceType());
      if (catalog.serverVersion() != null) {
        md.append(", ").append(catalog.serverVersion());
      }
      md.append(")\n");
      for (TableInfo table : catalog.tables()) {
        md.append("\n### ").append(table.qualifiedName()).append(" — ").append(table.kind()).append(", ")
            .append(table.rowCount()).append(" rows\n\n");
        if (table.primaryKey() != null && !table.primaryKey().isEmpty()) {
          md.append("Primary key: ").append(String.join(", ", table.primaryKey())).append("  \n");
        }
        for (ForeignKey fk : table.foreignKeys() == null ? List.<ForeignKey>of() : table.foreignKeys()) {
          md.append("Foreign key: ").append(String.join(", ", fk.columns())).append(" → ")
              .append(fk.referencedTable()).append('(').append(String.join(", ", fk.referencedColumns()))
              .append(")  \n");
        }
        md.append("\n| column | type | nulls | distinct | semantic |\n|---|---|---|---|---|\n");
        for (ColumnInfo c : table.columns()) {
          md.append("| ").append(c.name()).append(" | ").append(c.nativeType()).append(" → ")
              .append(c.normalizedType()).append(" | ")
              .append(c.profile() == null ? "" : c.profile().nullCount()).append(" | ")
              .append(c.profile() == null ? "" : c.profile().distinctCount()).append(" | ")
              .append(c.profile() == null || c.profile().semanticType() == null ? "" : c.profile().semanticType())
              .append(" |\n");
        }
        if (table.quality() != null && !table.quality().issues().isEmpty()) {
          md.append("\nQuality ").append(table.quality().score()).append(":\n");
          for (QualityIssue issue : table.quality().issues()) {
            md.append("- **").append(issue.severity()).append("** ").append(issue.message()).append('\n');
          }
        }
      }
    }
    return md.toString();
  }
}
