package org.openforge.agent.build.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openforge.agent.build.SlotBinding;
import org.openforge.datasource.SqlDialect;
import org.openforge.agent.build.ValueTypes;

/**
 * The SQL of each check type: one statement counting the rows that break the rule over the whole table, and one
 * listing up to five example values. Values are bound as parameters, never spliced into the text.
 */
public final class SqlChecks {

  static final int EXAMPLES = 5;

  private SqlChecks() {}

  /**
   * @param table the checked table in SQL
   * @param targetTable the referred table (references only)
   * @param targetColumn the referred identifier column (references only)
   * @param sameType whether the reference and the identifier have the same normalized type (else compared as text)
   * @param numericColumn whether the column is numeric in the database (range checks need it)
   */
  public static Optional<SqlCheck> of(CheckPlan plan, SqlDialect d, String table, String targetTable,
      String targetColumn, boolean sameType, boolean numericColumn) {
    List<String> cols = plan.columns().stream().map(c -> column(plan, d, c)).toList();
    String c = cols.isEmpty() ? null : cols.get(0);
    return switch (plan.type()) {
      case "required" -> Optional.of(new SqlCheck("select count(*) from " + table + " where " + c + " is null",
          null, List.of()));
      case "unique" -> {
        String notNull = String.join(" and ", cols.stream().map(x -> x + " is not null").toList());
        String group = String.join(", ", cols);
        yield Optional.of(new SqlCheck("select coalesce(sum(n - 1), 0) from (select count(*) as n from " + table
            + " where " + notNull + " group by " + group + " having count(*) > 1) d",
            "select " + group + ", count(*) from " + table + " where " + notNull + " group by " + group
                + " having count(*) > 1 order by count(*) desc, " + group + " limit " + EXAMPLES, List.of()));
      }
      case "reference" -> {
        if (targetTable == null || plan.slot().column() == null) {
          yield Optional.empty();
        }
        String child = "c." + c;
        String parent = "p." + d.quote(targetColumn);
        String join = sameType ? parent + " = " + child : d.text(parent) + " = " + d.text(child);
        String where = " from " + table + " c where " + child + " is not null and not exists (select 1 from "
            + targetTable + " p where " + join + ")";
        yield Optional.of(new SqlCheck("select count(*)" + where, "select distinct " + child + where
            + " order by 1 limit " + EXAMPLES, List.of()));
      }
      case "type" -> ValueTypes.pattern(plan.slot().baseType()).map(regex -> notMatching(d, table, c, regex));
      case "pattern" -> Optional.of(notMatching(d, table, c, plan.slot().pattern()));
      case "enum" -> {
        List<Object> values = new ArrayList<>(plan.slot().enumValues());
        String where = " from " + table + " where " + c + " is not null and " + d.text(c) + " not in ("
            + SqlDialect.placeholders(values.size()) + ")";
        yield Optional.of(new SqlCheck("select count(*)" + where, "select distinct " + d.text(c) + where
            + " order by 1 limit " + EXAMPLES, values));
      }
      case "range" -> {
        if (!numericColumn) {
          yield Optional.empty();
        }
        SlotBinding s = plan.slot();
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (s.minimum() != null) {
          conditions.add(c + " < ?");
          params.add(s.minimum());
        }
        if (s.maximum() != null) {
          conditions.add(c + " > ?");
          params.add(s.maximum());
        }
        String where = " from " + table + " where " + String.join(" or ", conditions);
        yield Optional.of(new SqlCheck("select count(*)" + where, "select distinct " + c + where
            + " order by 1 limit " + EXAMPLES, params));
      }
      default -> Optional.empty();
    };
  }

  private static SqlCheck notMatching(SqlDialect d, String table, String c, String regex) {
    String where = " from " + table + " where " + c + " is not null and " + d.notMatches(c);
    return new SqlCheck("select count(*)" + where, "select distinct " + d.text(c) + where + " order by 1 limit "
        + EXAMPLES, List.of(regex));
  }

  private static String column(CheckPlan plan, SqlDialect d, String name) {
    boolean plain = plan.slots().stream().anyMatch(s -> name.equals(s.column()));
    return plain ? d.quote(name) : "(" + name + ")";
  }
}
