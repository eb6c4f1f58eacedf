package org.openforge.ontology.linkml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one LinkML YAML document into a {@link SchemaDefinition}. Lists may be written as a single scalar; elements
 * may be written as a map by name or as a list of maps with a {@code name}; {@code prefixes} accept both
 * {@code p: uri} and {@code p: {prefix_prefix, prefix_reference}}; {@code permissible_values} accept the map form and a
 * list of texts. Keys this model does not know are kept in each element's {@code extensions}. Imports are not
 * followed here: see {@link SchemaView#load}.
 */
public final class SchemaReader {

  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .build();

  private static final Set<String> SCHEMA_KEYS = Set.of("id", "name", "title", "description", "version", "prefixes",
      "default_prefix", "default_range", "imports", "types", "enums", "slots", "classes");
  private static final Set<String> CLASS_KEYS = Set.of("name", "description", "is_a", "mixins", "abstract", "mixin",
      "tree_root", "class_uri", "slots", "attributes", "slot_usage");
  private static final Set<String> SLOT_KEYS = Set.of("name", "description", "is_a", "mixins", "range", "identifier",
      "key", "required", "multivalued", "inlined", "inlined_as_list", "pattern", "minimum_value", "maximum_value",
      "slot_uri", "aliases");
  private static final Set<String> TYPE_KEYS = Set.of("name", "description", "typeof", "base", "uri", "repr",
      "pattern", "minimum_value", "maximum_value");
  private static final Set<String> ENUM_KEYS = Set.of("name", "description", "enum_uri", "permissible_values");
  private static final Set<String> VALUE_KEYS = Set.of("text", "description", "meaning");

  private SchemaReader() {}

  /** Parses LinkML YAML text. */
  public static SchemaDefinition parse(String yaml) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new SchemaParseException("not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new SchemaParseException("the document is empty");
    }
    return schema(root);
  }

  /** Reads and parses a LinkML YAML file. */
  public static SchemaDefinition read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new SchemaParseException("cannot read " + file + ": " + e.getMessage(), e);
    }
    try {
      return parse(text);
    } catch (SchemaParseException e) {
      throw new SchemaParseException(file + ": " + e.getMessage(), e);
    }
  }

  private static SchemaDefinition schema(JsonNode node) {
    requireObject(node, "(document)");
    return new SchemaDefinition(text(node, "id", ""), text(node, "name", ""), text(node, "title", ""),
        text(node, "description", ""), text(node, "version", ""), prefixes(node.get("prefixes")),
        text(node, "default_prefix", ""), text(node, "default_range", ""), strings(node, "imports", ""),
        elements(node.get("types"), "types", SchemaReader::type),
        elements(node.get("enums"), "enums", SchemaReader::enumeration),
        elements(node.get("slots"), "slots", SchemaReader::slot),
        elements(node.get("classes"), "classes", SchemaReader::cls),
        extensions(node, SCHEMA_KEYS));
  }

  private static Map<String, String> prefixes(JsonNode node) {
    Map<String, String> result = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return result;
    }
    if (node.isArray()) {
      for (JsonNode item : node) {
        requireObject(item, "prefixes[]");
        String prefix = text(item, "prefix_prefix", "prefixes[]");
        String reference = text(item, "prefix_reference", "prefixes[]");
        if (prefix == null || reference == null) {
          throw new SchemaParseException("prefixes[]: needs prefix_prefix and prefix_reference");
        }
        result.put(prefix, reference);
      }
      return result;
    }
    requireObject(node, "prefixes");
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = "prefixes." + e.getKey();
      JsonNode value = e.getValue();
      if (value.isObject()) {
        String declared = text(value, "prefix_prefix", path);
        if (declared != null && !declared.equals(e.getKey())) {
          throw new SchemaParseException(path + ".prefix_prefix: '" + declared + "' differs from the key");
        }
        String reference = text(value, "prefix_reference", path);
        if (reference == null) {
          throw new SchemaParseException(path + ": needs prefix_reference");
        }
        result.put(e.getKey(), reference);
      } else if (value.isValueNode() && !value.isNull()) {
        result.put(e.getKey(), value.asText());
      } else {
        throw new SchemaParseException(path + ": expected a URI or {prefix_prefix, prefix_reference}");
      }
    }
    return result;
  }

  private static ClassDefinition cls(String name, JsonNode node, String path) {
    return new ClassDefinition(name, text(node, "description", path), text(node, "is_a", path),
        strings(node, "mixins", path), bool(node, "abstract", path), bool(node, "mixin", path),
        bool(node, "tree_root", path), text(node, "class_uri", path), strings(node, "slots", path),
        elements(node.get("attributes"), path + ".attributes", SchemaReader::slot),
        elements(node.get("slot_usage"), path + ".slot_usage", SchemaReader::slot),
        extensions(node, CLASS_KEYS));
  }

  private static SlotDefinition slot(String name, JsonNode node, String path) {
    return new SlotDefinition(name, text(node, "description", path), text(node, "is_a", path),
        strings(node, "mixins", path), text(node, "range", path), bool(node, "identifier", path),
        bool(node, "key", path), bool(node, "required", path), bool(node, "multivalued", path),
        bool(node, "inlined", path), bool(node, "inlined_as_list", path), text(node, "pattern", path),
        number(node, "minimum_value", path), number(node, "maximum_value", path), text(node, "slot_uri", path),
        strings(node, "aliases", path), extensions(node, SLOT_KEYS));
  }

  private static TypeDefinition type(String name, JsonNode node, String path) {
    return new TypeDefinition(name, text(node, "description", path), text(node, "typeof", path),
        text(node, "base", path), text(node, "uri", path), text(node, "repr", path), text(node, "pattern", path),
        number(node, "minimum_value", path), number(node, "maximum_value", path), extensions(node, TYPE_KEYS));
  }

  private static EnumDefinition enumeration(String name, JsonNode node, String path) {
    return new EnumDefinition(name, text(node, "description", path), text(node, "enum_uri", path),
        permissibleValues(node.get("permissible_values"), path + ".permissible_values"),
        extensions(node, ENUM_KEYS));
  }

  private static Map<String, PermissibleValue> permissibleValues(JsonNode node, String path) {
    Map<String, PermissibleValue> result = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return result;
    }
    if (node.isArray()) {
      for (JsonNode item : node) {
        PermissibleValue value;
        if (item.isObject()) {
          String text = text(item, "text", path);
          if (text == null) {
            throw new SchemaParseException(path + "[]: a value in list form needs a text");
          }
          value = permissibleValue(text, item, path);
        } else if (item.isValueNode() && !item.isNull()) {
          value = PermissibleValue.of(item.asText());
        } else {
          throw new SchemaParseException(path + "[]: expected a text or a map");
        }
        putUnique(result, value.text(), value, path);
      }
      return result;
    }
    requireObject(node, path);
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode body = e.getValue();
      if (body.isNull()) {
        result.put(e.getKey(), PermissibleValue.of(e.getKey()));
      } else {
        requireObject(body, path + "." + e.getKey());
        String text = text(body, "text", path + "." + e.getKey());
        if (text != null && !text.equals(e.getKey())) {
          throw new SchemaParseException(path + "." + e.getKey() + ".text: '" + text + "' differs from the key");
        }
        result.put(e.getKey(), permissibleValue(e.getKey(), body, path + "." + e.getKey()));
      }
    }
    return result;
  }

  private static PermissibleValue permissibleValue(String text, JsonNode node, String path) {
    return new PermissibleValue(text, text(node, "description", path), text(node, "meaning", path),
        extensions(node, VALUE_KEYS));
  }

  /** A map of named elements: {@code {name: body}} or {@code [{name: ..., ...}]}; a null body is an empty element. */
  private static <T> Map<String, T> elements(JsonNode node, String path, ElementParser<T> parser) {
    Map<String, T> result = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return result;
    }
    if (node.isArray()) {
      for (JsonNode item : node) {
        requireObject(item, path + "[]");
        String name = text(item, "name", path + "[]");
        if (name == null) {
          throw new SchemaParseException(path + "[]: an element in list form needs a name");
        }
        putUnique(result, name, parser.parse(name, item, path + "." + name), path);
      }
      return result;
    }
    requireObject(node, path);
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode body = e.getValue().isNull() ? YAML.createObjectNode() : e.getValue();
      requireObject(body, path + "." + e.getKey());
      String declared = text(body, "name", path + "." + e.getKey());
      if (declared != null && !declared.equals(e.getKey())) {
        throw new SchemaParseException(path + "." + e.getKey() + ".name: '" + declared + "' differs from the key");
      }
      result.put(e.getKey(), parser.parse(e.getKey(), body, path + "." + e.getKey()));
    }
    return result;
  }

  /** Parses one named element whose full path is given. */
  private interface ElementParser<T> {
    T parse(String name, JsonNode body, String path);
  }

  private static <T> void putUnique(Map<String, T> map, String key, T value, String path) {
    if (map.putIfAbsent(key, value) != null) {
      throw new SchemaParseException(path + ": '" + key + "' is given twice");
    }
  }

  private static Map<String, Object> extensions(JsonNode node, Set<String> known) {
    Map<String, Object> result = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!known.contains(e.getKey())) {
        result.put(e.getKey(), plain(e.getValue()));
      }
    }
    return result;
  }

  /** A YAML value as plain Java: maps (ordered), lists, strings, booleans, numbers, null. */
  private static Object plain(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(item -> list.add(plain(item)));
      return list;
    }
    if (node.isNull()) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.isBigInteger() ? node.bigIntegerValue() : (Object) node.longValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    return node.asText();
  }

  private static void requireObject(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new SchemaParseException(path + ": expected a map, got " + describe(node));
    }
  }

  private static String text(JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode()) {
      throw new SchemaParseException(prefix(path) + field + ": expected a text, got " + describe(value));
    }
    return value.asText();
  }

  private static List<String> strings(JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (value.isValueNode()) {
      return List.of(value.asText());
    }
    if (!value.isArray()) {
      throw new SchemaParseException(prefix(path) + field + ": expected a list of texts, got " + describe(value));
    }
    List<String> result = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isValueNode() || item.isNull()) {
        throw new SchemaParseException(prefix(path) + field + ": expected a list of texts, got an item "
            + describe(item));
      }
      result.add(item.asText());
    }
    return result;
  }

  private static Boolean bool(JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isTextual() && (value.asText().equalsIgnoreCase("true") || value.asText().equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(value.asText().toLowerCase());
    }
    throw new SchemaParseException(prefix(path) + field + ": expected true or false, got " + describe(value));
  }

  private static BigDecimal number(JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (value.isTextual()) {
      try {
        return new BigDecimal(value.asText().trim());
      } catch (NumberFormatException e) {
        throw new SchemaParseException(prefix(path) + field + ": expected a number, got '" + value.asText() + "'", e);
      }
    }
    throw new SchemaParseException(prefix(path) + field + ": expected a number, got " + describe(value));
  }

  private static String prefix(String path) {
    return path.isEmpty() ? "" : path + ".";
  }

  private static String describe(JsonNode node) {
    if (node.isObject()) {
      return "a map";
    }
    if (node.isArray()) {
      return "a list";
    }
    return "'" + node.asText() + "'";
  }
}
