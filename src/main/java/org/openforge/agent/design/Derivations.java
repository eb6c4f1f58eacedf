package org.openforge.agent.design;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.openforge.datasource.catalog.ColumnInfo;
import org.openforge.datasource.catalog.ForeignKey;
import org.openforge.ontology.infer.Naming;
import org.openforge.ontology.infer.SourceTable;
import org.openforge.ontology.linkml.SlotDefinition;

/**
 * Values a slot may be computed from when no column holds it and the schema does not say how (a hand-written
 * ontology such as the guide's): {@code lifetime_value} (and {@code total_spent}, {@code revenue}, ...) as the sum of
 * a money column of the table referring to the class's table — the guide's {@code SUM(amount) OVER (PARTITION BY
 * customer_id)}; {@code total_<column>} as the sum of that column; {@code <things>_count} and
 * {@code number_of_<things>} as a count of the referring rows; {@code full_name} from first and last name.
 */
final class Derivations {

  private static final Set<String> LIFETIME = Set.of("lifetime_value", "customer_lifetime_value", "ltv", "clv",
      "total_spent", "total_spend", "total_revenue", "total_sales", "revenue");
  private static final Pattern MONEY = Pattern.compile(
      "(?i).*(amount|total|revenue|value|price|sales|spend|paid|payment).*");

  private Derivations() {}

  static Optional<SlotSource> guess(SlotDefinition slot, SourceTable table) {
    String n = Naming.snake(slot.name());
    if (LIFETIME.contains(n)) {
      return sum(slot, table, null);
    }
    if (n.startsWith("total_")) {
      return sum(slot, table, n.substring("total_".length()));
    }
    String counted = n.endsWith("_count") ? n.substring(0, n.length() - "_count".length())
        : n.startsWith("number_of_") ? n.substring("number_of_".length()) : null;
    if (counted != null && !counted.isEmpty()) {
      return count(slot, table, counted);
    }
    if (n.equals("full_name") && table.column("first_name").isPresent() && table.column("last_name").isPresent()) {
      return Optional.of(SlotSource.computed(slot, "derived", "CONCAT(first_name, ' ', last_name)", table,
          List.of("first_name", "last_name"), "full_name joins first_name and last_name"));
    }
    return Optional.empty();
  }

  private static Optional<SlotSource> sum(SlotDefinition slot, SourceTable table, String column) {
    SlotSource best = null;
    long bestRows = -1;
    for (SourceTable child : children(table)) {
      ForeignKey fk = reference(child, table).orElseThrow();
      Optional<ColumnInfo> money = child.table().columns().stream()
          .filter(c -> c.normalizedType().numeric() && !fk.columns().contains(c.name()))
          .filter(c -> column == null ? MONEY.matcher(c.name()).matches() : Naming.snake(c.name()).equals(column))
          .min(Comparator.comparingInt(Derivations::moneyRank).thenComparingInt(ColumnInfo::position));
      long rows = child.table().rowCount() == null ? 0 : child.table().rowCount();
      if (money.isPresent() && rows > bestRows) {
        bestRows = rows;
        String argument = child.name() + "." + money.get().name();
        if ("csv".equals(child.catalog().sourceType())) {
          argument = "CAST(" + argument + " AS NUMERIC)";
        }
        String expression = "SUM(" + argument + ") OVER (PARTITION BY " + child.name() + "." + fk.columns().get(0)
            + ")";
        best = SlotSource.computed(slot, "aggregation", expression, child, List.of(money.get().name(),
            fk.columns().get(0)), "sum of " + child.name() + "." + money.get().name() + " per row of "
            + table.name() + " (by the slot's name)");
      }
    }
    return Optional.ofNullable(best);
  }

  private static Optional<SlotSource> count(SlotDefinition slot, SourceTable table, String counted) {
    String singular = Naming.singular(counted);
    for (SourceTable child : children(table)) {
      String childName = Naming.singular(Naming.snake(child.name()));
      if (childName.equals(singular) || childName.endsWith("_" + singular)) {
        ForeignKey fk = reference(child, table).orElseThrow();
        String expression = "COUNT(*) OVER (PARTITION BY " + child.name() + "." + fk.columns().get(0) + ")";
        return Optional.of(SlotSource.computed(slot, "aggregation", expression, child, List.of(fk.columns().get(0)),
            "count of " + child.name() + " rows per row of " + table.name() + " (by the slot's name)"));
      }
    }
    return Optional.empty();
  }

  /** Tables of the same source with a single-column foreign key to {@code table}, in catalog order. */
  private static List<SourceTable> children(SourceTable table) {
    return table.catalog().tables().stream().map(t -> new SourceTable(table.catalog(), t))
        .filter(t -> !t.sameAs(table) && reference(t, table).isPresent()).toList();
  }

  private static Optional<ForeignKey> reference(SourceTable child, SourceTable parent) {
    return child.table().foreignKeys().stream().filter(fk -> fk.columns().size() == 1)
        .filter(fk -> child.target(fk).map(t -> t.sameAs(parent)).orElse(false)).findFirst();
  }

  private static int moneyRank(ColumnInfo c) {
    String n = c.name().toLowerCase(Locale.ROOT);
    if (n.equals("amount")) {
      return 0;
    }
    if (n.contains("amount")) {
      return 1;
    }
    return n.contains("total") ? 2 : n.contains("revenue") ? 3 : 4;
  }
}
