package org.openforge.ontology.linkml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A LinkML schema as written in one YAML document: header, prefixes ({@code prefix -> URI}), imports as written, and
 * its own types, enums, slots and classes by name in document order. Unknown top-level keys are kept in
 * {@code extensions}. Read it with {@link SchemaReader}, write it with {@link SchemaWriter}, query it through
 * {@link SchemaView}.
 */
public record SchemaDefinition(String id, String name, String title, String description, String version,
    Map<String, String> prefixes, String defaultPrefix, String defaultRange, List<String> imports,
    Map<String, TypeDefinition> types, Map<String, EnumDefinition> enums, Map<String, SlotDefinition> slots,
    Map<String, ClassDefinition> classes, Map<String, Object> extensions) {

  public SchemaDefinition {
    prefixes = Maps.ordered(prefixes);
    imports = Maps.list(imports);
    types = Maps.ordered(types);
    enums = Maps.ordered(enums);
    slots = Maps.ordered(slots);
    classes = Maps.ordered(classes);
    extensions = Maps.ordered(extensions);
  }

  /** A new builder for a schema with this id and name. */
  public static Builder builder(String id, String name) {
    return new Builder(id, name);
  }

  /** Mutable builder for {@link SchemaDefinition}. */
  public static final class Builder {
    private final String id;
    private final String name;
    private String title;
    private String description;
    private String version;
    private final Map<String, String> prefixes = new LinkedHashMap<>();
    private String defaultPrefix;
    private String defaultRange;
    private List<String> imports = List.of();
    private final Map<String, TypeDefinition> types = new LinkedHashMap<>();
    private final Map<String, EnumDefinition> enums = new LinkedHashMap<>();
    private final Map<String, SlotDefinition> slots = new LinkedHashMap<>();
    private final Map<String, ClassDefinition> classes = new LinkedHashMap<>();
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    private Builder(String id, String name) {
      this.id = id;
      this.name = name;
    }

    public Builder title(String value) { title = value; return this; }
    public Builder description(String value) { description = value; return this; }
    public Builder version(String value) { version = value; return this; }
    public Builder prefix(String prefix, String uri) { prefixes.put(prefix, uri); return this; }
    public Builder defaultPrefix(String value) { defaultPrefix = value; return this; }
    public Builder defaultRange(String value) { defaultRange = value; return this; }
    public Builder imports(List<String> value) { imports = value == null ? List.of() : value; return this; }
    public Builder type(TypeDefinition value) { types.put(value.name(), value); return this; }
    public Builder enumeration(EnumDefinition value) { enums.put(value.name(), value); return this; }
    public Builder slot(SlotDefinition value) { slots.put(value.name(), value); return this; }
    public Builder cls(ClassDefinition value) { classes.put(value.name(), value); return this; }
    public Builder extension(String k, Object v) { extensions.put(k, v); return this; }

    public SchemaDefinition build() {
      return new SchemaDefinition(id, name, title, description, version, prefixes, defaultPrefix, defaultRange, imports,
          types, enums, slots, classes, extensions);
    }
  }
}
