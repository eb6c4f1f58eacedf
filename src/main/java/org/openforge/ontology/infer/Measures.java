package org.openforge.ontology.infer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openforge.datasource.catalog.ColumnInfo;
import org.openforge.datasource.catalog.ForeignKey;

/**
 * Figures the requirements ask for per entity that no column holds, computed from a related table:
 * <ul>
 *   <li>"customer lifetime value" (also LTV, CLV): {@code lifetime_value} = {@code SUM(<money column>) OVER
 *       (PARTITION BY <foreign key>)} over the table referring to the entity with a money column (amount, total,
 *       revenue, ...);</li>
 *   <li>"total amount per customer": {@code total_amount}, the same sum over the named column;</li>
 *   <li>"number of orders per customer": {@code order_count} = {@code COUNT(*) OVER (PARTITION BY
 *       <foreign key>)} over the named table.</li>
 * </ul>
 * The entity is the class the phrase names; for a bare "lifetime value", a customer, client, account or member class.
 */
final class Measures {

  private static final Pattern LIFETIME = Pattern.compile(
      "(?i)(?:\\b([a-z]+)\\s+)?(?:lifetime\\s+value|\\bltv\\b|\\bclv\\b)"
          + "(?:\\s+(?:of|per|by|for)\\s+(?:each\\s+|a\\s+|the\\s+)?([a-z]+))?");
  private static final Pattern TOTAL = Pattern.compile(
      "(?i)\\btotal\\s+([a-z]+(?:\\s+[a-z]+)?)\\s+(?:per|by|for each|of each)\\s+([a-z]+)");
  private static final Pattern COUNT = Pattern.compile(
      "(?i)\\bnumber\\s+of\\s+([a-z]+)\\s+(?:per|by|for each|of each)\\s+([a-z]+)");
  private static final Pattern MONEY = Pattern.compile(
      "(?i).*(amount|total|revenue|value|price|sales|spend|paid|payment).*");
  private static final List<String> CUSTOMER_LIKE = List.of("customer", "client", "account", "member", "subscriber",
      "user");

  private Measures() {}

  /** A computed slot to add to the class of {@code owner}. */
  record Measure(SourceTable owner, String slot, String range, String function, SourceTable from,
      ColumnInfo column, ForeignKey partition, String requirement, String phrase) {

    /** The guide's window form; CSV values are text, so they are cast to numbers first. */
    String expression() {
      String partitionBy = from.name() + "." + partition.columns().get(0);
      String argument = column == null ? "*" : from.name() + "." + column.name();
      if (column != null && "csv".equals(from.catalog().sourceType())) {
        argument = "CAST(" + argument + " AS NUMERIC)";
      }
      return function + "(" + argument + ") OVER (PARTITION BY " + partitionBy + ")";
    }
  }

  /** The measures the texts ask for, among the entity tables. */
  static List<Measure> find(List<RequirementText> texts, List<SourceTable> entities, List<String> notes) {
    List<Measure> found = new ArrayList<>();
    for (RequirementText text : texts) {
      String t = text.title() + ". " + text.text();
      Matcher m = LIFETIME.matcher(t);
      while (m.find()) {
        String named = m.group(1) != null && entity(entities, m.group(1)).isPresent() ? m.group(1) : m.group(2);
        Optional<SourceTable> owner = named == null ? Optional.empty() : entity(entities, named);
        if (owner.isEmpty()) {
          owner = CUSTOMER_LIKE.stream().map(w -> entity(entities, w)).flatMap(Optional::stream).findFirst();
        }
        String phrase = phrase(t, m);
        Optional<Measure> measure = owner.flatMap(o -> sum(o, entities, null, "lifetime_value", text.id(), phrase));
        if (measure.isPresent()) {
          add(found, measure.get());
        } else {
          notes.add(text.id() + " asks for '" + phrase + "', but no table referring to "
              + owner.map(SourceTable::qualifiedName).orElse("a customer table") + " has a money column to sum");
        }
      }
      m = TOTAL.matcher(t);
      while (m.find()) {
        String what = Naming.snake(m.group(1));
        String phrase = phrase(t, m);
        entity(entities, m.group(2)).flatMap(o -> sum(o, entities, what, "total_" + what, text.id(), phrase))
            .ifPresent(x -> add(found, x));
      }
      m = COUNT.matcher(t);
      while (m.find()) {
        Optional<SourceTable> owner = entity(entities, m.group(2));
        Optional<SourceTable> child = entity(entities, m.group(1));
        if (owner.isPresent() && child.isPresent()) {
          Optional<ForeignKey> fk = reference(child.get(), owner.get());
          if (fk.isPresent()) {
            add(found, new Measure(owner.get(), Naming.singular(Naming.snake(child.get().name())) + "_count",
                "integer", "COUNT", child.get(), null, fk.get(), text.id(), phrase(t, m)));
          }
        }
      }
    }
    return found;
  }

  private static String phrase(String text, Matcher m) {
    return text.substring(m.start(), m.end()).strip();
  }

  private static void add(List<Measure> found, Measure m) {
    boolean known = found.stream().anyMatch(x -> x.owner().sameAs(m.owner()) && x.slot().equals(m.slot()));
    if (!known) {
      found.add(m);
    }
  }

  /** A SUM over a money column (or the named one) of the largest table referring to the owner. */
  private static Optional<Measure> sum(SourceTable owner, List<SourceTable> entities, String column, String slot,
      String requirement, String phrase) {
    Measure best = null;
    for (SourceTable child : entities) {
      Optional<ForeignKey> fk = reference(child, owner);
      if (fk.isEmpty() || child.sameAs(owner)) {
        continue;
      }
      Optional<ColumnInfo> money = child.table().columns().stream()
          .filter(c -> c.normalizedType().numeric() && !fk.get().columns().contains(c.name()))
          .filter(c -> column == null ? MONEY.matcher(c.name()).matches() : Naming.snake(c.name()).equals(column))
          .min(Comparator.comparingInt(Measures::moneyRank).thenComparingInt(ColumnInfo::position));
      if (money.isEmpty()) {
        continue;
      }
      long rows = child.table().rowCount() == null ? 0 : child.table().rowCount();
      long bestRows = best == null || best.from().table().rowCount() == null ? -1 : best.from().table().rowCount();
      if (best == null || rows > bestRows) {
        best = new Measure(owner, slot, "decimal", "SUM", child, money.get(), fk.get(), requirement, phrase);
      }
    }
    return Optional.ofNullable(best);
  }

  private static int moneyRank(ColumnInfo c) {
    String n = c.name().toLowerCase(Locale.ROOT);
    if (n.equals("amount")) {
      return 0;
    }
    if (n.contains("amount")) {
      return 1;
    }
    if (n.contains("total")) {
      return 2;
    }
    return n.contains("revenue") ? 3 : 4;
  }

  /** The single-column foreign key of {@code child} referring to {@code owner}. */
  private static Optional<ForeignKey> reference(SourceTable child, SourceTable owner) {
    return child.table().foreignKeys().stream().filter(fk -> fk.columns().size() == 1)
        .filter(fk -> child.target(fk).map(t -> t.sameAs(owner)).orElse(false)).findFirst();
  }

  /** The entity table a word names (singular or plural, table or its last word). */
  private static Optional<SourceTable> entity(List<SourceTable> entities, String word) {
    String w = Naming.singular(Naming.snake(word));
    for (SourceTable t : entities) {
      String singular = Naming.singular(Naming.snake(t.name()));
      if (singular.equals(w) || singular.endsWith("_" + w)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
