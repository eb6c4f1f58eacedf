package org.openforge.agent.discovery.source;

import java.util.List;
import java.util.Map;
import org.openforge.datasource.catalog.QualityIssue;
import org.openforge.datasource.catalog.SourceCatalog;
import org.openforge.datasource.catalog.TableInfo;

/** The numbers of a catalog across its sources: what reviewers and gates look at first. */
public record CatalogSummary(int sourceCount, int unreachableCount, int tableCount, int columnCount, long rowCount,
    int foreignKeyCount, int issueCount, int errorCount, int warningCount, double meanQualityScore) {

  static CatalogSummary of(List<SourceCatalog> catalogs, List<Map<String, Object>> unreachable) {
    int tables = 0;
    int columns = 0;
    long rows = 0;
    int fks = 0;
    int issues = 0;
    int errors = 0;
    int warnings = 0;
    double scoreSum = 0;
    int scored = 0;
    for (SourceCatalog catalog : catalogs) {
      for (TableInfo table : catalog.tables()) {
        tables++;
        columns += table.columns().size();
        rows += table.rowCount() == null ? 0 : table.rowCount();
        fks += table.foreignKeys() == null ? 0 : table.foreignKeys().size();
        if (table.quality() != null) {
          scoreSum += table.quality().score();
          scored++;
          for (QualityIssue issue : table.quality().issues()) {
            issues++;
            if ("error".equalsIgnoreCase(issue.severity())) {
              errors++;
            } else if ("warning".equalsIgnoreCase(issue.severity())) {
              warnings++;
            }
          }
        }
      }
    }
    return new CatalogSummary(catalogs.size(), unreachable.size(), tables, columns, rows, fks, issues, errors,
        warnings, scored == 0 ? 0 : Math.round(scoreSum / scored * 1000) / 1000.0);
  }
}
