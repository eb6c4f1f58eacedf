package org.openforge.datasource.catalog;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openforge.datasource.CsvConfig;
import org.openforge.datasource.CsvRoots;
import org.openforge.datasource.DataSourceRecord;

/**
 * Catalogs and profiles CSV sources by streaming each file once (twice when a column has more distinct values than
 * can be counted exactly, to recount its heavy hitters). Every file is a table; types are inferred from the values;
 * foreign keys are inferred between files from column names (customer_id → the file whose likely key is customer_id,
 * or customers.id) and checked for orphans with the exact value counts.
 */
final class CsvCatalog {

  /** Beyond the exact-distinct limit: a HyperLogLog distinct count, top values from a heavy-hitter summary. */
  private static final Map<String, String> OVERFLOW_ESTIMATES = Map.of("distinct_count", "hyperloglog",
      "top_values", "heavy_hitters");

  private final DataSourceRecord source;
  private final CsvConfig config;
  private final CsvRoots roots;
  private final ProfileOptions options;
  private final boolean profile;
  private final List<String> warnings;

  CsvCatalog(DataSourceRecord source, CsvRoots roots, ProfileOptions options, boolean profile, List<String> warnings) {
    this.source = source;
    this.config = source.csv();
    this.roots = roots;
    this.options = options;
    this.profile = profile;
    this.warnings = warnings;
  }

  /** One scanned file. */
  private record Scan(String table, Path file, long rows, List<CsvColumnStats> columns, long malformed,
      List<String> malformedExamples) {}

  List<TableInfo> read() {
    List<Scan> scans = new ArrayList<>();
    for (Path file : CsvFiles.list(config, roots)) {
      String table = tableName(file);
      if (!options.includes(null, table)) {
        continue;
      }
      try {
        scans.add(scan(table, file));
      } catch (CharacterCodingException e) {
        warnings.add(file.getFileName() + " is not valid " + config.encoding().name() + "; skipped");
      } catch (IOException e) {
        warnings.add("cannot read " + file.getFileName() + ": " + e.getMessage());
      }
    }
    Map<String, List<ForeignKey>> inferred = profile ? inferForeignKeys(scans) : Map.of();
    List<TableInfo> tables = new ArrayList<>();
    for (Scan scan : scans) {
      tables.add(table(scan, inferred.getOrDefault(scan.table(), List.of()), scans));
    }
    return tables;
  }

  private static String tableName(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  private Reader open(Path file) throws IOException {
    var decoder = config.encoding().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    return new InputStreamReader(Files.newInputStream(file), decoder);
  }

  private Scan scan(String table, Path file) throws IOException {
    List<CsvColumnStats> stats = new ArrayList<>();
    long rows = 0;
    long malformed = 0;
    List<String> malformedExamples = new ArrayList<>();
    Set<String> nullValues = Set.copyOf(config.nullValues());
    try (CsvParser parser = new CsvParser(open(file), config.delimiter())) {
      List<String> first = parser.next();
      if (first == null) {
        return new Scan(table, file, 0, List.of(), 0, List.of());
      }
      List<String> names = header(first);
      for (String name : names) {
        stats.add(new CsvColumnStats(name, profile, options.csvExactDistinct(), options.topValues(),
            options.maxExamples()));
      }
      List<String> record = config.header() ? parser.next() : first;
      while (record != null) {
        rows++;
        if (record.size() != names.size()) {
          malformed++;
          if (malformedExamples.size() < options.maxExamples()) {
            malformedExamples.add("line " + parser.recordLine() + ": " + record.size() + " fields, expected "
                + names.size());
          }
        }
        for (int i = 0; i < stats.size(); i++) {
          String value = i < record.size() ? record.get(i).strip() : "";
          if (value.isEmpty() || nullValues.contains(value)) {
            stats.get(i).addNull();
          } else {
            stats.get(i).add(value);
          }
        }
        record = parser.next();
      }
    }
    if (profile && stats.stream().anyMatch(CsvColumnStats::overflowed)) {
      recount(file, stats);
    }
    return new Scan(table, file, rows, stats, malformed, malformedExamples);
  }

  /** Second pass: exact counts of the heavy-hitter candidates of overflowed columns. */
  private void recount(Path file, List<CsvColumnStats> stats) throws IOException {
    Map<Integer, Map<String, long[]>> exact = new HashMap<>();
    for (int i = 0; i < stats.size(); i++) {
      if (stats.get(i).overflowed()) {
        Map<String, long[]> m = new HashMap<>();
        stats.get(i).candidates().forEach(v -> m.put(v, new long[1]));
        exact.put(i, m);
      }
    }
    try (CsvParser parser = new CsvParser(open(file), config.delimiter())) {
      List<String> record = parser.next();
      if (config.header()) {
        record = parser.next();
      }
      while (record != null) {
        for (Map.Entry<Integer, Map<String, long[]>> e : exact.entrySet()) {
          if (e.getKey() < record.size()) {
            long[] c = e.getValue().get(record.get(e.getKey()).strip());
            if (c != null) {
              c[0]++;
            }
          }
        }
        record = parser.next();
      }
    }
    exact.forEach((i, m) -> stats.get(i).exactCounts(m));
  }

  private List<String> header(List<String> first) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < first.size(); i++) {
      String n = config.header() ? first.get(i).strip() : "";
      if (n.isEmpty()) {
        n = "column_" + (i + 1);
      }
      String unique = n;
      for (int k = 2; names.contains(unique); k++) {
        unique = n + "_" + k;
      }
      names.add(unique);
    }
    return names;
  }

  /** Whether a column looks like its file's own key: key-like name, at least 90% distinct values. */
  private static boolean ownKey(Scan scan, CsvColumnStats c) {
    Long d = c.distinct();
    return KeyHeuristics.keyLike(scan.table(), c.name()) && d != null && c.nonNull > 0 && d * 10 >= c.nonNull * 9;
  }

  private Map<String, List<ForeignKey>> inferForeignKeys(List<Scan> scans) {
    Map<String, List<ForeignKey>> result = new LinkedHashMap<>();
    for (Scan child : scans) {
      for (CsvColumnStats c : child.columns()) {
        if (!KeyHeuristics.keyLike(child.table(), c.name()) || ownKey(child, c) || c.nonNull == 0) {
          continue;
        }
        for (Scan parent : scans) {
          if (parent == child) {
            continue;
          }
          CsvColumnStats key = referencedKey(parent, c.name());
          if (key != null && ownKey(parent, key)) {
            result.computeIfAbsent(child.table(), k -> new ArrayList<>()).add(new ForeignKey(
                "inferred_" + child.table() + "_" + c.name(), List.of(c.name()), null, parent.table(),
                List.of(key.name()), true));
            break;
          }
        }
      }
    }
    return result;
  }

  /**
   * The column of {@code parent} that a column named {@code name} refers to: one with the same name, or {@code id}
   * when the name is the parent's singular name + _id (order_id → orders.id).
   */
  private static CsvColumnStats referencedKey(Scan parent, String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    String singular = KeyHeuristics.singular(parent.table().toLowerCase(Locale.ROOT));
    for (CsvColumnStats p : parent.columns()) {
      if (p.name().equals(name) || (lower.equals(singular + "_id") && p.name().equalsIgnoreCase("id"))) {
        return p;
      }
    }
    return null;
  }

  private TableInfo table(Scan scan, List<ForeignKey> foreignKeys, List<Scan> scans) {
    List<ColumnInfo> columns = new ArrayList<>();
    int position = 1;
    for (CsvColumnStats c : scan.columns()) {
      NormalizedType type = c.inferredType();
      columns.add(new ColumnInfo(c.name(), position++, "text", type, c.nulls > 0,
          type == NormalizedType.STRING ? c.maxLength : null, null, null, false, null));
    }
    TableInfo table = new TableInfo(null, scan.table(), "file", scan.rows(), true, List.copyOf(columns), List.of(),
        List.copyOf(foreignKeys), List.of(), List.of(), null);
    if (!profile) {
      return table;
    }
    QualityBuilder quality = new QualityBuilder(scan.rows());
    List<ColumnFacts> facts = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      ColumnInfo info = columns.get(i);
      CsvColumnStats c = scan.columns().get(i);
      NormalizedType type = info.normalizedType();
      facts.add(new ColumnFacts(info, scan.table(), scan.rows(), c.nonNull, c.distinct(), c.overflowed(),
          c.min(type), c.max(type), type == NormalizedType.STRING ? c.avgLength() : null,
          c.overflowed() || c.distinct() < c.nonNull ? c.top(options.topValues()) : List.of(),
          type == NormalizedType.STRING ? c.patterns() : Map.of(), c.nonNull, false,
          Profiles.references(table, info.name()), c.overflowed() ? OVERFLOW_ESTIMATES : Map.of()));
      long misfits = c.misfitCount(type);
      if (type != NormalizedType.STRING && misfits > 0) {
        quality.typeInconsistency(info.name(), type, misfits, c.nonNull, c.misfitExamples(type));
      }
    }
    if (scan.malformed() > 0) {
      quality.malformedRows(scan.malformed(), scan.malformedExamples());
    }
    for (ForeignKey fk : foreignKeys) {
      orphans(scan, fk, scans, quality);
    }
    return Profiles.finish(table, scan.rows(), facts, quality, options.maxExamples());
  }

  private void orphans(Scan child, ForeignKey fk, List<Scan> scans, QualityBuilder quality) {
    CsvColumnStats c = child.columns().stream().filter(s -> s.name().equals(fk.columns().get(0))).findFirst()
        .orElseThrow();
    Scan parent = scans.stream().filter(s -> s.table().equals(fk.referencedTable())).findFirst().orElseThrow();
    CsvColumnStats p = parent.columns().stream().filter(s -> s.name().equals(fk.referencedColumns().get(0)))
        .findFirst().orElseThrow();
    Map<String, long[]> childValues = c.exactValues();
    Map<String, long[]> parentValues = p.exactValues();
    if (childValues == null || parentValues == null) {
      warnings.add("orphans of " + child.table() + "." + c.name() + " were not checked: too many distinct values "
          + "to compare exactly (csv exact-distinct limit " + options.csvExactDistinct() + ")");
      return;
    }
    long orphans = 0;
    List<String> examples = new ArrayList<>();
    for (Map.Entry<String, long[]> e : childValues.entrySet()) {
      if (!parentValues.containsKey(e.getKey())) {
        orphans += e.getValue()[0];
        examples.add(e.getKey());
      }
    }
    if (orphans > 0) {
      quality.orphans(fk, orphans, examples.stream().sorted().limit(options.maxExamples()).toList());
    }
  }
}
