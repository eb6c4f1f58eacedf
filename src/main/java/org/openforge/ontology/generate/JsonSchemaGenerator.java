package org.openforge.ontology.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openforge.ontology.linkml.BuiltinTypes;
import org.openforge.ontology.linkml.ClassDefinition;
import org.openforge.ontology.linkml.EnumDefinition;
import org.openforge.ontology.linkml.RangeKind;
import org.openforge.ontology.linkml.SchemaView;
import org.openforge.ontology.linkml.SlotDefinition;

/**
 * JSON Schema (draft 2020-12) from a LinkML schema: one {@code $defs} entry per class (an object with its induced
 * slots as properties, {@code required}, no additional properties) and per enum (a string {@code enum}). Slot values:
 * built-in types as JSON types and formats, {@code pattern}, {@code minimum}/{@code maximum}; multivalued slots as
 * arrays; enum ranges as {@code $ref}; class ranges as {@code $ref} when inlined, else as the target's identifier
 * value. A multivalued inlined class range with an identifier and without {@code inlined_as_list} is LinkML's dict
 * form: an object keyed by identifier whose values reference {@code <Class>__identifier_optional}. The document's root
 * is the {@code tree_root} class, or the class passed in.
 */
public final class JsonSchemaGenerator {

  /** The JSON Schema dialect generated. */
  public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private final SchemaView view;
  private final Map<String, ObjectNode> identifierOptional = new LinkedHashMap<>();

  private JsonSchemaGenerator(SchemaView view) {
    this.view = view;
  }

  /** The JSON Schema, rooted at the schema's {@code tree_root} class when it has one. */
  public static ObjectNode generate(SchemaView view) {
    String root = view.classes().values().stream().filter(ClassDefinition::treeRootClass).map(ClassDefinition::name)
        .findFirst().orElse(null);
    return generate(view, root);
  }

  /** The JSON Schema rooted at {@code rootClass} (null: no root, only {@code $defs}). */
  public static ObjectNode generate(SchemaView view, String rootClass) {
    if (rootClass != null && !view.isClass(rootClass)) {
      throw new IllegalArgumentException("no class " + rootClass + " in schema " + view.schema().name());
    }
    return new JsonSchemaGenerator(view).build(rootClass);
  }

  /** The JSON Schema as indented JSON text (a tree prints without a configured mapper). */
  public static String toJson(ObjectNode schema) {
    return schema.toPrettyString();
  }

  private ObjectNode build(String rootClass) {
    ObjectNode root = NODES.objectNode();
    root.put("$schema", DIALECT);
    if (view.schema().id() != null) {
      root.put("$id", view.schema().id());
    }
    root.put("title", view.schema().title() != null ? view.schema().title() : view.schema().name());
    if (view.schema().description() != null) {
      root.put("description", view.schema().description());
    }
    ObjectNode defs = NODES.objectNode();
    view.enums().values().forEach(e -> defs.set(e.name(), enumeration(e)));
    view.classes().values().forEach(c -> defs.set(c.name(), cls(c, false)));
    identifierOptional.forEach(defs::set);
    if (rootClass != null) {
      root.put("$ref", "#/$defs/" + rootClass);
    }
    root.set("$defs", defs);
    return root;
  }

  private ObjectNode enumeration(EnumDefinition e) {
    ObjectNode node = NODES.objectNode();
    node.put("title", e.name());
    if (e.description() != null) {
      node.put("description", e.description());
    }
    node.put("type", "string");
    if (!e.permissibleValues().isEmpty()) {
      ArrayNode values = node.putArray("enum");
      e.permissibleValues().keySet().forEach(values::add);
    }
    return node;
  }

  private ObjectNode cls(ClassDefinition c, boolean identifierIsOptional) {
    ObjectNode node = NODES.objectNode();
    node.put("title", c.name());
    if (c.description() != null) {
      node.put("description", c.description());
    }
    node.put("type", "object");
    ObjectNode properties = node.putObject("properties");
    ArrayNode required = NODES.arrayNode();
    for (SlotDefinition slot : view.inducedSlots(c.name())) {
      boolean isIdentifier = slot.isIdentifier() || slot.isKey();
      boolean mandatory = slot.isRequired() || isIdentifier;
      properties.set(slot.name(), mandatory || slot.isMultivalued() ? property(slot) : nullable(property(slot)));
      if (slot.isRequired() && !(identifierIsOptional && isIdentifier)) {
        required.add(slot.name());
      }
    }
    if (!required.isEmpty()) {
      node.set("required", required);
    }
    node.put("additionalProperties", false);
    return node;
  }

  private ObjectNode property(SlotDefinition slot) {
    ObjectNode value = value(slot);
    ObjectNode node;
    if (!slot.isMultivalued()) {
      node = value;
    } else if (isDictForm(slot)) {
      node = NODES.objectNode();
      node.put("type", "object");
      node.set("additionalProperties", ref(optionalIdentifierDef(slot.range())));
    } else {
      node = NODES.objectNode();
      node.put("type", "array");
      node.set("items", value);
    }
    if (slot.description() != null) {
      node.put("description", slot.description());
    }
    return node;
  }

  /**
   * An optional value also accepts null: a row of the source has null there when the column is nullable, so the
   * schema must not reject it (a type gains "null"; a reference or enumeration becomes anyOf it or null).
   */
  private static ObjectNode nullable(ObjectNode value) {
    com.fasterxml.jackson.databind.JsonNode type = value.get("type");
    if (type != null && type.isTextual() && !value.has("enum")) {
      ArrayNode types = NODES.arrayNode().add(type.asText()).add("null");
      value.set("type", types);
      return value;
    }
    ObjectNode node = NODES.objectNode();
    if (value.has("description")) {
      node.set("description", value.remove("description"));
    }
    node.putArray("anyOf").add(value).add(NODES.objectNode().put("type", "null"));
    return node;
  }

  private boolean isDictForm(SlotDefinition slot) {
    return view.isClass(slot.range()) && view.isInlined(slot) && !Boolean.TRUE.equals(slot.inlinedAsList())
        && view.identifierSlot(slot.range()).isPresent();
  }

  private String optionalIdentifierDef(String cls) {
    String name = cls + "__identifier_optional";
    if (!identifierOptional.containsKey(name)) {
      // a placeholder first, so that a class whose slots refer back to it in dict form does not recurse forever
      identifierOptional.put(name, NODES.objectNode());
      identifierOptional.put(name, cls(view.classes().get(cls), true));
    }
    return name;
  }

  /** The schema of one value of the slot. */
  private ObjectNode value(SlotDefinition slot) {
    String range = slot.range();
    RangeKind kind = view.rangeKind(range);
    if (kind == RangeKind.ENUM) {
      return ref(range);
    }
    if (kind == RangeKind.CLASS) {
      if (view.isInlined(slot)) {
        return ref(range);
      }
      Optional<SlotDefinition> id = view.identifierSlot(range);
      ObjectNode reference = id.map(this::value).orElseGet(() -> typed("string"));
      reference.put("description", "Identifier of a " + range);
      return reference;
    }
    if (kind == RangeKind.UNKNOWN) {
      return NODES.objectNode();
    }
    String root = view.typeRoot(range);
    ObjectNode node = typed(root);
    String pattern = slot.pattern() != null ? slot.pattern() : view.typePattern(range).orElse(null);
    if (pattern != null) {
      node.put("pattern", pattern);
    }
    if (BuiltinTypes.NUMERIC.contains(root)) {
      BigDecimal min = slot.minimumValue() != null ? slot.minimumValue() : view.typeMinimum(range).orElse(null);
      BigDecimal max = slot.maximumValue() != null ? slot.maximumValue() : view.typeMaximum(range).orElse(null);
      putNumber(node, "minimum", min);
      putNumber(node, "maximum", max);
    }
    return node;
  }

  /** Whole numbers as JSON integers ({@code 0}, not {@code 0.0}), others as exact decimals. */
  private static void putNumber(ObjectNode node, String key, BigDecimal value) {
    if (value == null) {
      return;
    }
    if (value.signum() == 0 || value.stripTrailingZeros().scale() <= 0) {
      java.math.BigInteger whole = value.toBigIntegerExact();
      if (whole.bitLength() < 32) {
        node.put(key, whole.intValue());
      } else if (whole.bitLength() < 64) {
        node.put(key, whole.longValue());
      } else {
        node.put(key, whole);
      }
    } else {
      node.put(key, value);
    }
  }

  private static ObjectNode typed(String builtin) {
    ObjectNode node = NODES.objectNode();
    switch (builtin) {
      case "integer" -> node.put("type", "integer");
      case "float", "double", "decimal" -> node.put("type", "number");
      case "boolean" -> node.put("type", "boolean");
      case "date" -> node.put("type", "string").put("format", "date");
      case "datetime" -> node.put("type", "string").put("format", "date-time");
      case "time" -> node.put("type", "string").put("format", "time");
      case "uri" -> node.put("type", "string").put("format", "uri");
      default -> node.put("type", "string");
    }
    return node;
  }

  private static ObjectNode ref(String def) {
    ObjectNode node = NODES.objectNode();
    node.put("$ref", "#/$defs/" + def);
    return node;
  }
}
