package org.openforge.agent.design.model;

import java.util.List;

/** The data tests of models, as dbt names them: each a SELECT of the failing rows. */
final class Tests {

  private Tests() {}

  static DataModel.Test notNull(String model, String column) {
    return new DataModel.Test("not_null(" + column + ")", "not_null", "select * from " + DataModel.ref(model)
        + " where " + Sql.id(column) + " is null");
  }

  static DataModel.Test unique(String model, String column) {
    return new DataModel.Test("unique(" + column + ")", "unique", "select " + Sql.id(column) + ", count(*) as"
        + " occurrences from " + DataModel.ref(model) + " where " + Sql.id(column) + " is not null group by "
        + Sql.id(column) + " having count(*) > 1");
  }

  /** Unique over several columns (an aggregate's grain): nulls compare equal, as a group by treats them. */
  static DataModel.Test uniqueCombination(String model, List<String> columns) {
    String cols = String.join(", ", columns.stream().map(Sql::id).toList());
    return new DataModel.Test("unique(" + String.join(", ", columns) + ")", "unique", "select " + cols
        + ", count(*) as occurrences from " + DataModel.ref(model) + " group by " + cols + " having count(*) > 1");
  }

  static DataModel.Test relationships(String model, String column, String parent, String parentColumn) {
    return new DataModel.Test("relationships(" + column + " -> " + parent + "." + parentColumn + ")",
        "relationships", "select c.* from " + DataModel.ref(model) + " c left join " + DataModel.ref(parent)
        + " p on c." + Sql.id(column) + " = p." + Sql.id(parentColumn) + " where c." + Sql.id(column)
        + " is not null and p." + Sql.id(parentColumn) + " is null");
  }

  static DataModel.Test acceptedValues(String model, String column, List<String> values) {
    String list = String.join(", ", values.stream().map(v -> "'" + v.replace("'", "''") + "'").toList());
    return new DataModel.Test("accepted_values(" + column + ")", "accepted_values", "select * from "
        + DataModel.ref(model) + " where " + Sql.id(column) + " is not null and cast(" + Sql.id(column)
        + " as varchar) not in (" + list + ")");
  }

  /** The aggregate's total equals the total of the facts it is built from (one failing row when it does not). */
  static DataModel.Test reconciliation(String model, String measure, String factTotalSql) {
    return new DataModel.Test("reconciliation(" + measure + ")", "reconciliation", "select * from (select ("
        + factTotalSql + ") as fact_total, (select coalesce(sum(" + Sql.id(measure) + "), 0) from "
        + DataModel.ref(model) + ") as model_total) totals where abs(fact_total - model_total) > 0.000001");
  }
}
