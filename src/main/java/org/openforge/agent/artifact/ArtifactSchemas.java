package org.openforge.agent.artifact;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.PropertyNamingStrategy;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The JSON Schema of each artifact kind, generated from its record, and the check every written artifact of such a
 * kind passes before it is stored. Property names follow the application mapper's naming strategy, as the JSON does.
 */
@Component
public class ArtifactSchemas {

  private final ObjectMapper mapper;
  private final Map<String, JsonNode> schemas = new LinkedHashMap<>();
  private final Map<String, JsonSchema> validators = new LinkedHashMap<>();

  public ArtifactSchemas(ObjectMapper mapper) {
    this.mapper = mapper;
    SchemaGenerator generator = generator(mapper.getPropertyNamingStrategy());
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    ArtifactKinds.RECORDS.forEach((kind, type) -> {
      JsonNode schema = generator.generateSchema(type);
      schemas.put(kind, schema);
      validators.put(kind, factory.getSchema(schema));
    });
  }

  public List<String> kinds() {
    return List.copyOf(schemas.keySet());
  }

  public Optional<JsonNode> schema(String kind) {
    return Optional.ofNullable(schemas.get(kind)).map(JsonNode::deepCopy);
  }

  /** Throws {@link InvalidArtifactException} when the kind has a schema and the content does not match it. */
  public void validate(String kind, String content) {
    JsonSchema schema = validators.get(kind);
    if (schema == null) {
      return;
    }
    JsonNode document;
    try {
      document = mapper.readTree(content);
    } catch (JsonProcessingException e) {
      throw new InvalidArtifactException(kind, List.of("not JSON: " + e.getOriginalMessage()));
    }
    Set<ValidationMessage> messages = schema.validate(document);
    if (!messages.isEmpty()) {
      throw new InvalidArtifactException(kind, messages.stream().map(ValidationMessage::getMessage).sorted()
          .limit(20).toList());
    }
  }

  private static SchemaGenerator generator(PropertyNamingStrategy naming) {
    PropertyNamingStrategies.NamingBase names = naming instanceof PropertyNamingStrategies.NamingBase base ? base
        : (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
    SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
        OptionPreset.PLAIN_JSON)
        .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE,
            JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY))
        .with(Option.NULLABLE_FIELDS_BY_DEFAULT, Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT,
            Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES);
    config.forFields().withPropertyNameOverrideResolver(field -> {
      JsonProperty explicit = field.getAnnotationConsideringFieldAndGetter(JsonProperty.class);
      return explicit != null && !explicit.value().isEmpty() ? explicit.value()
          : names.translate(field.getDeclaredName());
    });
    config.forFields().withRequiredCheck(field -> ArtifactKinds.SCHEMA_VERSION_FIELD.equals(field.getDeclaredName()));
    return new SchemaGenerator(config.build());
  }
}
