package org.openforge.agent.design;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openforge.datasource.catalog.QueryResult;
import org.openforge.ontology.generate.JsonSchemaGenerator;
import org.openforge.ontology.linkml.RangeKind;
import org.openforge.ontology.linkml.SchemaView;
import org.openforge.ontology.linkml.SlotDefinition;

/**
 * Real rows against the JSON Schema generated from the ontology: a bounded sample of each class's table, each row
 * as the JSON object of the slots its columns fill (numbers as numbers, dates and times as ISO text, naive
 * timestamps read as UTC), validated with networknt; the check counts the rejected rows of the sample exactly and
 * shows the first reasons. A schema that rejects real data fails here, whatever the other checks say.
 */
final class JsonRows {

  static final int SAMPLE = 200;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int EXAMPLES = 3;

  private final DataTools access;
  private final SchemaView view;
  private final ObjectMapper mapper = new ObjectMapper();

  JsonRows(DataTools access, SchemaView view) {
    this.access = access;
    this.view = view;
  }

  Check validate(ClassSource cls) {
    Subject s = new Subject(Rule.JSON_SCHEMA, cls.className(), null, cls.table(), List.of());
    Map<String, SlotSource> filled = new LinkedHashMap<>();
    for (SlotSource b : cls.slots()) {
      boolean single = b.columns().size() == 1 && !b.slot().isMultivalued();
      if (single && (b.kind() == SlotSource.Kind.COLUMN || b.kind() == SlotSource.Kind.REFERENCE)) {
        filled.put(b.name(), b);
      }
    }
    if (filled.isEmpty()) {
      return s.skipped("no slot of " + cls.className() + " is filled from a single column");
    }
    DataTools.Result<QueryResult> sample = access.sample(cls.table().sourceId(), cls.table().qualifiedName(),
        SAMPLE);
    if (!sample.ok()) {
      return s.error("sample", sample.error());
    }
    JsonSchema schema = schema(cls.className(), filled.keySet());
    List<String> columns = sample.value().columns();
    boolean csv = "csv".equals(cls.table().catalog().sourceType());
    long rejected = 0;
    List<Map<String, Object>> examples = new ArrayList<>();
    for (List<Object> row : sample.value().rows()) {
      ObjectNode instance = NODES.objectNode();
      filled.forEach((slot, b) -> {
        int i = columns.indexOf(b.column());
        Object raw = i < 0 ? null : row.get(i);
        // a CSV file's empty field is its null (as the profile counts it)
        boolean empty = csv && raw instanceof String text && text.isEmpty();
        instance.set(slot, raw == null || empty ? NODES.nullNode() : value(b.slot(), raw));
      });
      Set<ValidationMessage> errors = schema.validate(instance);
      if (!errors.isEmpty()) {
        rejected++;
        if (examples.size() < EXAMPLES) {
          Map<String, Object> example = new LinkedHashMap<>();
          example.put("row", mapper.convertValue(instance, Map.class));
          example.put("errors", errors.stream().map(ValidationMessage::getMessage).sorted().limit(3).toList());
          examples.add(example);
        }
      }
    }
    int rows = sample.value().rows().size();
    return s.measured(rejected, true, "json_schema_sample", (long) rows, examples, rejected + " of the first "
        + rows + " rows are rejected by the generated JSON Schema of " + cls.className() + " ("
        + filled.size() + " slots filled from columns; counted exactly on the sample)");
  }

  /** The class's schema, requiring only the slots a row of its table can fill. */
  private JsonSchema schema(String className, Set<String> filled) {
    ObjectNode root = JsonSchemaGenerator.generate(view, className);
    ObjectNode def = (ObjectNode) root.path("$defs").path(className);
    JsonNode required = def.get("required");
    if (required instanceof ArrayNode list) {
      ArrayNode kept = NODES.arrayNode();
      list.forEach(r -> {
        if (filled.contains(r.asText())) {
          kept.add(r);
        }
      });
      def.set("required", kept);
    }
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
  }

  /** A source value as the JSON the schema describes for the slot's range. */
  private JsonNode value(SlotDefinition slot, Object raw) {
    if (raw == null) {
      return NODES.nullNode();
    }
    String range = slot.range();
    if (view.rangeKind(range) == RangeKind.CLASS) {
      Optional<SlotDefinition> id = view.identifierSlot(range);
      return id.map(i -> typed(view.typeRoot(i.range()), raw)).orElseGet(() -> NODES.textNode(raw.toString()));
    }
    if (view.rangeKind(range) == RangeKind.ENUM || !view.isType(range)) {
      return NODES.textNode(raw.toString());
    }
    return typed(view.typeRoot(range), raw);
  }

  private static JsonNode typed(String root, Object raw) {
    String text = raw.toString().strip();
    try {
      return switch (root) {
        case "integer" -> raw instanceof Number n ? NODES.numberNode(new BigDecimal(n.toString()))
            : NODES.numberNode(new BigDecimal(text).toBigIntegerExact());
        case "float", "double", "decimal" -> NODES.numberNode(new BigDecimal(text));
        case "boolean" -> raw instanceof Boolean b ? NODES.booleanNode(b) : bool(text);
        case "datetime" -> NODES.textNode(dateTime(text));
        case "date" -> NODES.textNode(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
        default -> NODES.textNode(raw.toString());
      };
    } catch (RuntimeException e) {
      // a value that does not read as the type stays text: the schema rejects it, as it should
      return NODES.textNode(raw.toString());
    }
  }

  private static JsonNode bool(String text) {
    return switch (text.toLowerCase()) {
      case "true", "t", "1", "yes", "y" -> NODES.booleanNode(true);
      case "false", "f", "0", "no", "n" -> NODES.booleanNode(false);
      default -> NODES.textNode(text);
    };
  }

  private static String dateTime(String text) {
    String t = text.replace(' ', 'T');
    boolean zoned = t.endsWith("Z") || t.matches(".*[+-]\\d{2}:?\\d{2}$");
    return zoned ? t : t + "Z";
  }
}
