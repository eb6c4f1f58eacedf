package org.openforge.agent.build;

import java.util.List;
import java.util.Map;
import org.openforge.datasource.catalog.ColumnInfo;
import org.openforge.datasource.catalog.NormalizedType;
import org.openforge.datasource.catalog.TableInfo;
import org.openforge.ontology.linkml.SchemaView;

/**
 * An ontology with awkward names for the generator tests: classes and slots named like Python and TypeScript key
 * words, quotes and backslashes in patterns and descriptions, a source name with quotes; bound without a mapping.
 */
public final class Quirky {

  public static final SourceInfo CSV = new SourceInfo("src-1", "My \"CSV\" files", "csv", true);
  public static final SourceInfo PG = new SourceInfo("src-2", "warehouse", "postgresql", true);

  public static final String YAML = """
      id: https://example.org/quirky
      name: quirky
      default_range: string
      enums:
        Kind:
          permissible_values:
            "a\\"b": {}
            plain: {}
      classes:
        Class:
          description: 'A class called "Class" \\ with a backslash'
          annotations:
            source_id: src-1
            source_table: class.csv
          attributes:
            lambda:
              identifier: true
              range: integer
            from:
              required: true
              pattern: '^"[a-z]+\\d"$'
            kind:
              range: Kind
            import:
              range: decimal
              minimum_value: 0
        Yield:
          annotations:
            source_id: src-2
            source_table: public.yield
          attributes:
            id:
              identifier: true
            owner:
              range: Class
              annotations:
                source_column: class_lambda
            default:
              range: date
      """;

  private Quirky() {}

  public static TableInfo table(String schema, String name, long rows, Map<String, NormalizedType> columns) {
    int[] position = {0};
    List<ColumnInfo> cols = columns.entrySet().stream().map(e -> new ColumnInfo(e.getKey(), ++position[0],
        e.getValue().value(), e.getValue(), true, null, null, null, false, null)).toList();
    return new TableInfo(schema, name, "table", rows, true, cols, List.of(), List.of(), List.of(), List.of(), null);
  }

  public static final TableInfo CLASS_TABLE = table(null, "class", 3, new java.util.LinkedHashMap<>(Map.of(
      "lambda", NormalizedType.INTEGER, "from", NormalizedType.STRING, "kind", NormalizedType.STRING, "import",
      NormalizedType.DECIMAL)));
  public static final TableInfo YIELD_TABLE = table("public", "yield", 2, new java.util.LinkedHashMap<>(Map.of(
      "id", NormalizedType.STRING, "class_lambda", NormalizedType.INTEGER, "default", NormalizedType.DATE)));

  public static Binding binding() {
    SchemaView view = SchemaView.parse(YAML);
    return new BindingReader(view, null, List.of(CSV, PG), id -> id.equals("src-1") ? List.of(CLASS_TABLE)
        : List.of(YIELD_TABLE)).read(new Binding.ArtifactRef("o1", "quirky.yaml", 2), null);
  }

  public static TableRef ref(String className) {
    return className.equals("Class") ? new TableRef(CSV, CLASS_TABLE) : new TableRef(PG, YIELD_TABLE);
  }
}
