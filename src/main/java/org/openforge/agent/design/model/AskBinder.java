package org.openforge.agent.design.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.openforge.agent.discovery.requirements.Metric;
import org.openforge.agent.discovery.text.AnalyticalAsk;
import org.openforge.datasource.catalog.ColumnInfo;
import org.openforge.datasource.catalog.NormalizedType;
import org.openforge.datasource.catalog.TableInfo;

/**
 * Binds a metric requirement to the catalog. Every table with a column for the measure is a candidate fact; from
 * each, the dimensions are looked for in the tables its foreign keys reach (a column whose name says the phrase,
 * "billing_country"; or an entity table whose name does, "sales_reps", grouped by its key and labelled by its name);
 * the fact that binds the most of the ask, by the shortest joins, wins. What cannot be bound is said word by word.
 */
final class AskBinder {

  /** A binding, or why there is none (naming the word that found no column). */
  record Result(MetricBinding binding, String unbound) {}

  private static final int DEPTH = 4;
  private static final Set<String> MONEY = Set.of("revenue", "amount", "total", "sale", "subtotal", "extended",
      "value", "net", "gross", "turnover");
  private static final Pattern NOT_REVENUE = Pattern.compile("tax|discount|cost|shipping|freight|fee|paid|balance"
      + "|credit|refund|price|rate|percent|pct|weight");
  private static final Pattern NOT_EVENT_DATE = Pattern.compile("birth|hire|signup|sign_up|valid|expir|updated"
      + "|modified|deleted|dob");
  private static final Set<String> KEY_WORDS = Set.of("id", "key", "code", "no", "num", "number", "fk", "pk");

  private final TableGraph graph;

  AskBinder(TableGraph graph) {
    this.graph = graph;
  }

  List<TableGraph.Reach> reachable(TableGraph.Node fact) {
    return graph.reachable(fact, DEPTH);
  }

  Result bind(String requirementId, Metric m) {
    Result best = null;
    int bestScore = Integer.MIN_VALUE;
    for (TableGraph.Node fact : graph.nodes()) {
      Scored<Result> r = scoreOn(requirementId, m, fact);
      if (r != null && r.score() > bestScore) {
        bestScore = r.score();
        best = r.value();
      }
    }
    if (best == null) {
      return new Result(null, "measure '" + m.measurePhrase() + "' found no " + measureKind(m) + " column in the"
          + " attached sources");
    }
    return best;
  }

  /** The binding on one fact table, or null when the table has no column for the measure. */
  Result bindOn(String requirementId, Metric m, TableGraph.Node fact) {
    Scored<Result> r = scoreOn(requirementId, m, fact);
    return r == null ? null : r.value();
  }

  private Scored<Result> scoreOn(String requirementId, Metric m, TableGraph.Node fact) {
    Optional<MetricBinding.Measure> measure = measure(fact, m);
    if (measure.isEmpty()) {
      return null;
    }
    List<TableGraph.Reach> reach = graph.reachable(fact, DEPTH);
    List<MetricBinding.Dimension> dims = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    int score = 0;
    for (String phrase : m.dimensions()) {
      Scored<MetricBinding.Dimension> d = dimension(phrase, reach);
      if (d == null) {
        missing.add("dimension '" + phrase + "' found no column or table reached from " + fact.table()
            .qualifiedName() + " through its foreign keys");
      } else {
        dims.add(d.value());
        score += d.score();
      }
    }
    MetricBinding.Attribute time = null;
    boolean needsTime = m.grain() != null || m.filters().stream().anyMatch(f -> !f.kind().equals("flag"));
    if (needsTime) {
      time = time(reach);
      if (time == null) {
        missing.add("grain '" + (m.grain() == null ? "period" : m.grain()) + "' found no date column on "
            + fact.table().qualifiedName() + " or the tables it refers to");
      } else {
        score += 20 - 3 * time.reach().path().size();
      }
    }
    List<MetricBinding.Condition> filters = new ArrayList<>();
    for (AnalyticalAsk.Filter f : m.filters()) {
      MetricBinding.Condition c = filter(f, reach, time);
      if (c == null) {
        missing.add("filter '" + f.phrase() + "' found no column for '" + (f.subject() == null ? f.value()
            : f.value() + " " + f.subject()) + "'");
      } else {
        filters.add(c);
      }
    }
    score -= 200 * missing.size();
    score += measure.get().expression().contains("*") ? 1 : 2;
    return new Scored<>(missing.isEmpty()
        ? new Result(new MetricBinding(requirementId, m, fact, measure.get(), dims, time, filters), null)
        : new Result(null, String.join("; ", missing)), score);
  }

  private static String measureKind(Metric m) {
    return switch (m.aggregation()) {
      case "count", "count_distinct" -> "table or key";
      case "rate" -> "status or date";
      default -> "numeric";
    };
  }

  // ---- measures ----

  private Optional<MetricBinding.Measure> measure(TableGraph.Node n, Metric m) {
    TableInfo t = n.table();
    String measure = m.measure();
    switch (m.aggregation()) {
      case "rate":
        return Optional.empty();
      case "count":
      case "count_distinct": {
        String subject = measure.endsWith("_count") ? measure.substring(0, measure.length() - 6) : measure;
        List<String> words = Tokens.of(subject);
        if (Tokens.covers(Tokens.of(t.name()), words) && !t.primaryKey().isEmpty()) {
          return Optional.of(new MetricBinding.Measure(measure, "1", "count", "one per row of " + t.qualifiedName(),
              t.primaryKey().size() == 1 ? t.primaryKey().get(0) : null));
        }
        return Optional.empty();
      }
      case "avg_per_order": {
        Optional<String> money = money(t);
        Optional<String> order = orderKey(n);
        if (money.isEmpty() || order.isEmpty()) {
          return Optional.empty();
        }
        return Optional.of(new MetricBinding.Measure(measure, money.get(), "avg_per_order", "revenue " + money.get()
            + " per distinct " + order.get(), order.get()));
      }
      case "avg": {
        String subject = measure.startsWith("average_") ? measure.substring(8) : measure;
        return numeric(t, Tokens.of(subject)).map(c -> new MetricBinding.Measure(measure, Sql.id(Sql.staged(c)), "avg", "average of "
            + c, null));
      }
      default:
        break;
    }
    Optional<String> expression = switch (measure) {
      case "revenue", "lifetime_value" -> money(t);
      case "quantity" -> numeric(t, List.of("quantity")).or(() -> numeric(t, List.of("qty")))
          .or(() -> numeric(t, List.of("unit"))).map(c -> Sql.id(Sql.staged(c)));
      case "margin" -> numeric(t, List.of("margin")).or(() -> numeric(t, List.of("profit")))
          .map(c -> Sql.id(Sql.staged(c)));
      default -> numeric(t, Tokens.of(measure)).map(c -> Sql.id(Sql.staged(c)));
    };
    return expression.map(e -> new MetricBinding.Measure(measure, e, "sum", "sum of " + e, null));
  }

  /** Revenue: a money column (revenue, amount, line_total, ...), else unit price × quantity. */
  private static Optional<String> money(TableInfo t) {
    ColumnInfo best = null;
    int bestScore = 0;
    for (ColumnInfo c : t.columns()) {
      if (!c.normalizedType().numeric() || isKey(t, c.name())) {
        continue;
      }
      String lower = c.name().toLowerCase();
      List<String> words = Tokens.of(c.name());
      if (NOT_REVENUE.matcher(lower).find() && !lower.contains("revenue")) {
        continue;
      }
      int score = words.contains("revenue") ? 5 : words.contains("amount") ? 4 : words.contains("total") ? 3
          : words.stream().anyMatch(MONEY::contains) ? 2 : 0;
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (best != null) {
      return Optional.of(Sql.id(Sql.staged(best.name())));
    }
    Optional<String> price = t.columns().stream().filter(c -> c.normalizedType().numeric())
        .map(ColumnInfo::name).filter(c -> Tokens.of(c).contains("price")).findFirst();
    Optional<String> quantity = t.columns().stream().filter(c -> c.normalizedType().numeric())
        .map(ColumnInfo::name).filter(c -> Tokens.of(c).contains("quantity") || Tokens.of(c).contains("qty"))
        .findFirst();
    if (price.isPresent() && quantity.isPresent()) {
      return Optional.of(Sql.id(Sql.staged(price.get())) + " * " + Sql.id(Sql.staged(quantity.get())));
    }
    return Optional.empty();
  }

  private static Optional<String> numeric(TableInfo t, List<String> words) {
    return t.columns().stream().filter(c -> c.normalizedType().numeric() && !isKey(t, c.name()))
        .filter(c -> Tokens.covers(Tokens.of(c.name()), words)).map(ColumnInfo::name).findFirst();
  }

  /** The key of the order a row belongs to: its own key on an order-like table, else its foreign key to one. */
  private Optional<String> orderKey(TableGraph.Node n) {
    List<String> order = List.of("order");
    if (Tokens.covers(Tokens.of(n.table().name()), order) && n.table().primaryKey().size() == 1) {
      return Optional.of(n.table().primaryKey().get(0));
    }
    return graph.edges(n).stream().filter(e -> Tokens.covers(Tokens.of(e.to().table().name()), order)
        && e.fk().columns().size() == 1).map(e -> e.fk().columns().get(0)).findFirst();
  }

  static boolean isKey(TableInfo t, String column) {
    return t.primaryKey().contains(column) || t.foreignKeys().stream().anyMatch(f -> f.columns().contains(column));
  }

  // ---- dimensions ----

  private record Scored<T>(T value, int score) {}

  private static Scored<MetricBinding.Dimension> dimension(String phrase, List<TableGraph.Reach> reach) {
    List<String> words = Tokens.of(phrase);
    String head = words.get(words.size() - 1);
    Scored<MetricBinding.Dimension> best = null;
    for (TableGraph.Reach r : reach) {
      TableInfo t = r.node().table();
      int depth = r.path().size();
      List<String> tableWords = Tokens.of(t.name());
      List<String> pathWords = new ArrayList<>(tableWords);
      r.path().forEach(e -> pathWords.addAll(Tokens.of(e.from().table().name())));
      String key = entityKey(t);
      boolean entity = key != null;
      if (entity && depth > 0) {
        int score = Tokens.covers(tableWords, words) ? 95 - (tableWords.size() - words.size())
            : Tokens.covers(pathWords, words) && tableWords.stream().anyMatch(w -> Tokens.means(w, head)) ? 85
            : tableWords.stream().anyMatch(w -> Tokens.means(w, head)) ? 60 : -1;
        if (score > 0) {
          best = better(best, new Scored<>(entityDimension(phrase, r), score - 3 * depth));
        }
      }
      for (ColumnInfo c : t.columns()) {
        List<String> colWords = new ArrayList<>(Tokens.of(c.name()));
        colWords.removeAll(KEY_WORDS);
        if (colWords.isEmpty() || isKey(t, c.name()) || c.name().equals(key) || c.normalizedType() == NormalizedType.BINARY
            || c.normalizedType() == NormalizedType.JSON) {
          continue;
        }
        int score = Tokens.covers(colWords, words) ? 100 - (colWords.size() - words.size())
            : Tokens.covers(new ArrayList<>(Tokens.union(colWords, tableWords)), words)
                && colWords.stream().anyMatch(w -> Tokens.means(w, head)) ? 80
            : colWords.stream().anyMatch(w -> Tokens.means(w, head)) ? 50 - colWords.size() : -1;
        if (score > 0) {
          best = better(best, new Scored<>(new MetricBinding.Dimension(phrase, Sql.name(c.name()),
              new MetricBinding.Attribute(r, c.name()), null, "column " + t.qualifiedName() + "." + c.name()
              + via(r)), score - 3 * depth));
        }
      }
    }
    return best;
  }

  private static Scored<MetricBinding.Dimension> better(Scored<MetricBinding.Dimension> a, Scored<MetricBinding.Dimension> b) {
    return a == null || b.score() > a.score() ? b : a;
  }

  /** An entity's key: its single-column primary key, else (CSV files) its single-column candidate key. */
  static String entityKey(TableInfo t) {
    if (t.primaryKey().size() == 1) {
      return t.primaryKey().get(0);
    }
    if (t.primaryKey().isEmpty() && t.candidateKeys() != null) {
      return t.candidateKeys().stream().filter(k -> k.size() == 1).map(k -> k.get(0)).findFirst().orElse(null);
    }
    return null;
  }

  private static MetricBinding.Dimension entityDimension(String phrase, TableGraph.Reach r) {
    TableInfo t = r.node().table();
    String key = entityKey(t);
    return new MetricBinding.Dimension(phrase, Sql.name(phrase), new MetricBinding.Attribute(r, key), label(t),
        "entity " + t.qualifiedName() + " (key " + key + ", labelled by " + labelText(t) + ")" + via(r));
  }

  private static String via(TableGraph.Reach r) {
    if (r.path().isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder(", reached through");
    r.path().forEach(e -> s.append(" ").append(e.from().table().name()).append(".")
        .append(String.join(",", e.fk().columns())).append(" → ").append(e.to().table().name()));
    return s.toString();
  }

  /** SQL (with {@code {t}} for the table's alias) of an entity's label: its name, else first and last name. */
  static String label(TableInfo t) {
    Optional<ColumnInfo> named = labelColumn(t);
    if (named.isPresent()) {
      return Sql.stagedCol("{t}", named.get().name());
    }
    Optional<ColumnInfo> first = t.columns().stream().filter(c -> c.name().equalsIgnoreCase("first_name")
        || c.name().equalsIgnoreCase("firstname")).findFirst();
    Optional<ColumnInfo> last = t.columns().stream().filter(c -> c.name().equalsIgnoreCase("last_name")
        || c.name().equalsIgnoreCase("lastname")).findFirst();
    if (first.isPresent() && last.isPresent()) {
      return "concat(" + Sql.stagedCol("{t}", first.get().name()) + ", ' ', " + Sql.stagedCol("{t}",
          last.get().name()) + ")";
    }
    return t.columns().stream().filter(c -> c.normalizedType() == NormalizedType.STRING && !isKey(t, c.name()))
        .findFirst().map(c -> Sql.stagedCol("{t}", c.name())).orElse(null);
  }

  private static String labelText(TableInfo t) {
    String l = label(t);
    return l == null ? "its key" : l.replace("{t}.", "");
  }

  private static Optional<ColumnInfo> labelColumn(TableInfo t) {
    String singular = String.join("_", Tokens.of(t.name()));
    for (String wanted : List.of("name", "full_name", "display_name", singular + "_name", "title", "label",
        "description")) {
      Optional<ColumnInfo> c = t.columns().stream().filter(x -> x.name().equalsIgnoreCase(wanted)
          && x.normalizedType() == NormalizedType.STRING).findFirst();
      if (c.isPresent()) {
        return c;
      }
    }
    return Optional.empty();
  }

  // ---- time and filters ----

  private static MetricBinding.Attribute time(List<TableGraph.Reach> reach) {
    MetricBinding.Attribute best = null;
    int bestScore = Integer.MIN_VALUE;
    for (TableGraph.Reach r : reach) {
      if (r.path().size() > 1) {
        continue;
      }
      for (ColumnInfo c : r.node().table().columns()) {
        if (c.normalizedType() != NormalizedType.DATE && c.normalizedType() != NormalizedType.DATETIME) {
          continue;
        }
        String lower = c.name().toLowerCase();
        if (NOT_EVENT_DATE.matcher(lower).find()) {
          continue;
        }
        int score = (r.path().isEmpty() ? 10 : 0) + (lower.contains("date") ? 3 : 0)
            + (Tokens.covers(Tokens.of(r.node().table().name()), List.of("order")) ? 2 : 0)
            - (lower.contains("created") ? 2 : 0) - (Boolean.TRUE.equals(c.nullable()) ? 1 : 0);
        if (score > bestScore) {
          bestScore = score;
          best = new MetricBinding.Attribute(r, c.name());
        }
      }
    }
    return best;
  }

  private static MetricBinding.Condition filter(AnalyticalAsk.Filter f, List<TableGraph.Reach> reach,
      MetricBinding.Attribute time) {
    switch (f.kind()) {
      case "year":
        return time == null ? null : new MetricBinding.Condition(f.phrase(), time, "year", f.value());
      case "recent":
        return time == null ? null : new MetricBinding.Condition(f.phrase(), time, "recent", f.value());
      default:
        break;
    }
    List<String> subject = Tokens.of(f.subject());
    for (TableGraph.Reach r : reach) {
      if (!Tokens.covers(Tokens.of(r.node().table().name()), subject)) {
        continue;
      }
      for (ColumnInfo c : r.node().table().columns()) {
        List<String> words = Tokens.of(c.name());
        if (c.normalizedType() == NormalizedType.BOOLEAN && words.contains(f.value())) {
          return new MetricBinding.Condition(f.phrase(), new MetricBinding.Attribute(r, c.name()), "is_true", f.value());
        }
      }
      for (ColumnInfo c : r.node().table().columns()) {
        List<String> words = Tokens.of(c.name());
        if (c.normalizedType() == NormalizedType.STRING && (words.contains("status") || words.contains("state"))) {
          return new MetricBinding.Condition(f.phrase(), new MetricBinding.Attribute(r, c.name()), "equals", f.value());
        }
      }
    }
    return null;
  }
}
