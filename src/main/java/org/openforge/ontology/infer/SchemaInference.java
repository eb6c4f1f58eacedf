package org.openforge.ontology.infer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openforge.datasource.catalog.ColumnInfo;
import org.openforge.datasource.catalog.ForeignKey;
import org.openforge.datasource.catalog.SourceCatalog;
import org.openforge.ontology.linkml.ClassDefinition;
import org.openforge.ontology.linkml.EnumDefinition;
import org.openforge.ontology.linkml.PermissibleValue;
import org.openforge.ontology.linkml.SchemaDefinition;

/**
 * Infers a LinkML schema from source catalogs and requirements: one class per entity table (views are left out,
 * junction tables become multivalued slots — see {@link Junctions}); one attribute per column, named in snake_case,
 * its range from the normalized column type, {@code required} from NOT NULL or a profile without nulls; identifiers
 * by {@link Identifiers}; one class-ranged slot per foreign key ({@code customer_id} → {@code customer}, range
 * {@code Customer}); enums from low-cardinality text columns ({@link Enums}); an e-mail or UUID pattern when every
 * value has that shape; {@code minimum_value: 0} for amounts, prices and quantities never below zero; computed slots
 * for the figures the requirements ask for ({@link Measures}). Every class and slot records where it comes from
 * ({@link Provenance}). The result depends only on the inputs' structure and values, never on counts that drift.
 */
public final class SchemaInference {

  private final List<SourceCatalog> catalogs;
  private final List<RequirementText> requirements;
  private final List<String> notes = new ArrayList<>();
  private final Map<String, String> classNames = new LinkedHashMap<>();
  private final Map<String, EnumDefinition> enums = new LinkedHashMap<>();
  private final Map<String, Set<String>> referencedColumns = new HashMap<>();
  private int relationships;

  private SchemaInference(List<SourceCatalog> catalogs, List<RequirementText> requirements) {
    this.catalogs = catalogs;
    this.requirements = requirements;
  }

  /** The inferred schema and what the inference noted (left-out views, references out of reach, ...). */
  public record Result(SchemaDefinition schema, List<String> notes, int relationshipCount, int junctionCount,
      int measureCount) {}

  /**
   * @param id the schema's URI; its prefix (named {@code name}) is {@code id + "/"}
   * @param name the schema name (snake_case)
   */
  public static Result infer(String id, String name, String title, List<SourceCatalog> catalogs,
      List<RequirementText> requirements) {
    return new SchemaInference(catalogs, requirements).run(id, name, title);
  }

  /** The tables ({@code source_id → table names}) with enum-like columns whose top values do not list every value. */
  public static Map<String, List<String>> needingAllValues(List<SourceCatalog> catalogs) {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    for (SourceTable t : tables(catalogs)) {
      boolean incomplete = t.table().columns().stream()
          .anyMatch(c -> Enums.candidate(t, c) && Enums.values(t, c).isEmpty());
      if (incomplete) {
        tables.computeIfAbsent(t.sourceId(), k -> new ArrayList<>()).add(t.qualifiedName());
      }
    }
    return tables;
  }

  private static List<SourceTable> tables(List<SourceCatalog> catalogs) {
    List<SourceTable> all = new ArrayList<>();
    for (SourceCatalog catalog : catalogs) {
      catalog.tables().stream().filter(t -> !t.kind().contains("view"))
          .forEach(t -> all.add(new SourceTable(catalog, t)));
    }
    return all;
  }

  private Result run(String id, String name, String title) {
    List<SourceTable> all = tables(catalogs);
    for (SourceCatalog catalog : catalogs) {
      catalog.tables().stream().filter(t -> t.kind().contains("view")).forEach(t -> notes.add(
          t.kind().replace('_', ' ') + " " + t.qualifiedName() + " of source " + catalog.sourceId()
              + " is not modelled: views derive from tables"));
    }
    List<Junctions.Junction> junctions = Junctions.find(all);
    Set<String> junctionKeys = new HashSet<>();
    junctions.forEach(j -> junctionKeys.add(Junctions.key(j.table())));
    List<SourceTable> entities = all.stream().filter(t -> !junctionKeys.contains(Junctions.key(t))).toList();
    entities.forEach(this::nameClass);
    for (SourceTable t : all) {
      for (ForeignKey fk : t.table().foreignKeys()) {
        t.target(fk).ifPresent(target -> referencedColumns.computeIfAbsent(Junctions.key(target),
            k -> new HashSet<>()).addAll(fk.referencedColumns()));
      }
    }
    List<Measures.Measure> measures = Measures.find(requirements, entities, notes);
    SchemaDefinition.Builder schema = SchemaDefinition.builder(id, name).title(title)
        .description(description(entities.size()))
        .prefix("linkml", "https://w3id.org/linkml/").prefix(name, id + "/").defaultPrefix(name)
        .defaultRange("string").imports(List.of("linkml:types"));
    List<ClassDefinition> classes = new ArrayList<>();
    for (SourceTable t : entities) {
      ClassBuilder builder = new ClassBuilder(this, t);
      builder.columns();
      junctions.stream().filter(j -> j.ownerTable().sameAs(t)).forEach(builder::junction);
      measures.stream().filter(m -> m.owner().sameAs(t)).forEach(builder::measure);
      classes.add(builder.build());
    }
    enums.values().forEach(schema::enumeration);
    classes.forEach(schema::cls);
    for (Junctions.Junction j : junctions) {
      notes.add(j.table().qualifiedName() + " is a junction table: " + classNames.get(Junctions.key(j.ownerTable()))
          + " gets a multivalued slot ranging over " + classNames.get(Junctions.key(j.targetTable())));
    }
    return new Result(schema.build(), List.copyOf(notes), relationships, junctions.size(), measures.size());
  }

  private String description(int classCount) {
    List<String> sources = catalogs.stream().map(c -> "'" + c.sourceName() + "' (" + c.sourceType() + ")").toList();
    return "Inferred by Open Forge from the catalog of " + String.join(", ", sources) + ": one class per entity "
        + "table (" + classCount + "), attributes from columns, relationships from foreign keys"
        + (requirements.isEmpty() ? "." : ", described with the requirements that name them.");
  }

  private void nameClass(SourceTable t) {
    String base = Naming.pascal(Naming.singular(Naming.snake(t.name())));
    String name = base;
    if (classNames.containsValue(name)) {
      String qualifier = t.table().schema() != null ? t.table().schema() : t.catalog().sourceName();
      name = Naming.pascal(qualifier == null ? "source" : qualifier) + base;
    }
    for (int n = 2; classNames.containsValue(name); n++) {
      name = base + n;
    }
    classNames.put(Junctions.key(t), name);
  }

  String className(SourceTable t) {
    return classNames.get(Junctions.key(t));
  }

  Set<String> referencedColumns(SourceTable t) {
    return referencedColumns.getOrDefault(Junctions.key(t), Set.of());
  }

  void relationship() {
    relationships++;
  }

  void note(String note) {
    notes.add(note);
  }

  /** Registers an enum for a column, named after its class and column; returns its name. */
  String enumFor(String className, SourceTable t, ColumnInfo c, List<String> values) {
    String column = Naming.pascal(c.name());
    String name = column.startsWith(className) ? column : className + column;
    if (classNames.containsValue(name) || (enums.containsKey(name) && !sameValues(enums.get(name), values))) {
      name = name + "Enum";
    }
    Map<String, PermissibleValue> permissible = new LinkedHashMap<>();
    values.forEach(v -> permissible.put(v, PermissibleValue.of(v)));
    enums.putIfAbsent(name, new EnumDefinition(name, "Values of " + t.qualifiedName() + "." + c.name(), null,
        permissible, Map.of()));
    return name;
  }

  private static boolean sameValues(EnumDefinition e, List<String> values) {
    return List.copyOf(e.permissibleValues().keySet()).equals(values);
  }

  /** Ids of the requirements whose text names these words (whole words, singular or plural). */
  List<String> requirementsNaming(String snakeName) {
    String singular = Naming.singular(snakeName).replace('_', ' ');
    String plural = Naming.plural(Naming.singular(snakeName)).replace('_', ' ');
    java.util.regex.Pattern words = java.util.regex.Pattern.compile("\\b(" + java.util.regex.Pattern.quote(singular)
        + "|" + java.util.regex.Pattern.quote(plural) + ")\\b");
    return requirements.stream().filter(r -> words.matcher(r.searchable()).find()).map(RequirementText::id)
        .distinct().toList();
  }

  /** Ids of the requirements that break figures down by this name. */
  List<String> requirementsByDimension(String snakeName) {
    String singular = Naming.singular(snakeName).replace('_', ' ');
    return requirements.stream().filter(r -> r.dimensions().stream()
            .anyMatch(d -> Naming.singular(Naming.snake(d)).replace('_', ' ').equals(singular)))
        .map(RequirementText::id).distinct().toList();
  }

  /** "FR-2 (Analyze sales trends across regions)" for each id. */
  String cite(List<String> ids) {
    List<String> out = new ArrayList<>();
    for (String id : ids) {
      Optional<RequirementText> r = requirements.stream().filter(x -> x.id().equals(id)).findFirst();
      out.add(id + r.map(x -> " (" + x.title() + ")").orElse(""));
    }
    return String.join(", ", out);
  }
}
