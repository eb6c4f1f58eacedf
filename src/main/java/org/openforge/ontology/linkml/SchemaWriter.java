package org.openforge.ontology.linkml;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link SchemaDefinition} as conventional LinkML YAML: top-level keys in the order id, name, title,
 * description, version, prefixes, default_prefix, default_range, imports, (other keys), types, enums, slots,
 * classes; prefixes in the simple {@code p: uri} form; permissible values in map form; unknown keys after the known
 * ones of each element. {@code SchemaReader.parse(SchemaWriter.write(s))} equals {@code s}.
 */
public final class SchemaWriter {

  private static final ObjectMapper YAML = YAMLMapper.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private SchemaWriter() {}

  /** The schema as LinkML YAML text. */
  public static String write(SchemaDefinition schema) {
    try {
      return YAML.writeValueAsString(tree(schema));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write schema " + schema.name() + " as YAML", e);
    }
  }

  /** Writes the schema as LinkML YAML to a file (UTF-8). */
  public static void write(SchemaDefinition schema, Path file) {
    try {
      Files.writeString(file, write(schema));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The schema as an ordered JSON/YAML tree (the same document {@link #write} prints). */
  public static ObjectNode tree(SchemaDefinition s) {
    ObjectNode root = NODES.objectNode();
    put(root, "id", s.id());
    put(root, "name", s.name());
    put(root, "title", s.title());
    put(root, "description", s.description());
    put(root, "version", s.version());
    if (!s.prefixes().isEmpty()) {
      ObjectNode prefixes = root.putObject("prefixes");
      s.prefixes().forEach(prefixes::put);
    }
    put(root, "default_prefix", s.defaultPrefix());
    put(root, "default_range", s.defaultRange());
    putList(root, "imports", s.imports());
    putExtensions(root, s.extensions());
    if (!s.types().isEmpty()) {
      ObjectNode types = root.putObject("types");
      s.types().forEach((name, t) -> types.set(name, type(t)));
    }
    if (!s.enums().isEmpty()) {
      ObjectNode enums = root.putObject("enums");
      s.enums().forEach((name, e) -> enums.set(name, enumeration(e)));
    }
    if (!s.slots().isEmpty()) {
      ObjectNode slots = root.putObject("slots");
      s.slots().forEach((name, slot) -> slots.set(name, slot(slot)));
    }
    if (!s.classes().isEmpty()) {
      ObjectNode classes = root.putObject("classes");
      s.classes().forEach((name, c) -> classes.set(name, cls(c)));
    }
    return root;
  }

  private static ObjectNode type(TypeDefinition t) {
    ObjectNode node = NODES.objectNode();
    put(node, "description", t.description());
    put(node, "typeof", t.typeof());
    put(node, "base", t.base());
    put(node, "uri", t.uri());
    put(node, "repr", t.repr());
    put(node, "pattern", t.pattern());
    put(node, "minimum_value", t.minimumValue());
    put(node, "maximum_value", t.maximumValue());
    putExtensions(node, t.extensions());
    return node;
  }

  private static ObjectNode enumeration(EnumDefinition e) {
    ObjectNode node = NODES.objectNode();
    put(node, "description", e.description());
    put(node, "enum_uri", e.enumUri());
    if (!e.permissibleValues().isEmpty()) {
      ObjectNode values = node.putObject("permissible_values");
      e.permissibleValues().forEach((text, v) -> {
        ObjectNode value = values.putObject(text);
        put(value, "description", v.description());
        put(value, "meaning", v.meaning());
        putExtensions(value, v.extensions());
      });
    }
    putExtensions(node, e.extensions());
    return node;
  }

  private static ObjectNode cls(ClassDefinition c) {
    ObjectNode node = NODES.objectNode();
    put(node, "description", c.description());
    put(node, "is_a", c.isA());
    putList(node, "mixins", c.mixins());
    put(node, "abstract", c.isAbstract());
    put(node, "mixin", c.mixin());
    put(node, "tree_root", c.treeRoot());
    put(node, "class_uri", c.classUri());
    putList(node, "slots", c.slots());
    if (!c.slotUsage().isEmpty()) {
      ObjectNode usage = node.putObject("slot_usage");
      c.slotUsage().forEach((name, slot) -> usage.set(name, slot(slot)));
    }
    if (!c.attributes().isEmpty()) {
      ObjectNode attributes = node.putObject("attributes");
      c.attributes().forEach((name, slot) -> attributes.set(name, slot(slot)));
    }
    putExtensions(node, c.extensions());
    return node;
  }

  private static ObjectNode slot(SlotDefinition s) {
    ObjectNode node = NODES.objectNode();
    put(node, "description", s.description());
    put(node, "is_a", s.isA());
    putList(node, "mixins", s.mixins());
    put(node, "range", s.range());
    put(node, "identifier", s.identifier());
    put(node, "key", s.key());
    put(node, "required", s.required());
    put(node, "multivalued", s.multivalued());
    put(node, "inlined", s.inlined());
    put(node, "inlined_as_list", s.inlinedAsList());
    put(node, "pattern", s.pattern());
    put(node, "minimum_value", s.minimumValue());
    put(node, "maximum_value", s.maximumValue());
    put(node, "slot_uri", s.slotUri());
    putList(node, "aliases", s.aliases());
    putExtensions(node, s.extensions());
    return node;
  }

  private static void put(ObjectNode node, String key, String value) {
    if (value != null) {
      node.put(key, value);
    }
  }

  private static void put(ObjectNode node, String key, Boolean value) {
    if (value != null) {
      node.put(key, value);
    }
  }

  private static void put(ObjectNode node, String key, BigDecimal value) {
    if (value != null) {
      node.put(key, value);
    }
  }

  private static void putList(ObjectNode node, String key, List<String> values) {
    if (!values.isEmpty()) {
      ArrayNode array = node.putArray(key);
      values.forEach(array::add);
    }
  }

  private static void putExtensions(ObjectNode node, Map<String, Object> extensions) {
    extensions.forEach((key, value) -> node.set(key, plainToNode(value)));
  }

  private static JsonNode plainToNode(Object value) {
    return YAML.valueToTree(value);
  }
}
