package org.openforge.ontology.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openforge.ontology.linkml.Fixtures;

class JsonSchemaGeneratorTest {

  private static List<String> texts(JsonNode array) {
    List<String> result = new ArrayList<>();
    array.forEach(item -> result.add(item.asText()));
    return result;
  }

  @Test
  void salesOntology() throws Exception {
    ObjectNode schema = JsonSchemaGenerator.generate(Fixtures.view("sales.yaml"));

    assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.get("$id").asText()).isEqualTo("https://example.org/sales");
    assertThat(schema.has("$ref")).as("no tree_root").isFalse();
    JsonNode sale = schema.at("/$defs/Sale");
    assertThat(sale.get("type").asText()).isEqualTo("object");
    assertThat(sale.get("additionalProperties").asBoolean(true)).isFalse();
    assertThat(texts(sale.get("required"))).containsExactly("sale_id", "customer");
    assertThat(sale.at("/properties/amount/type").toString()).as("optional: a number or null")
        .isEqualTo("[\"number\",\"null\"]");
    assertThat(sale.at("/properties/sale_date/format").asText()).isEqualTo("date");
    assertThat(sale.at("/properties/customer/type").asText()).as("a reference by identifier").isEqualTo("string");
    assertThat(sale.at("/properties/customer/$ref").isMissingNode()).isTrue();

    JsonNode reparsed = new ObjectMapper().readTree(JsonSchemaGenerator.toJson(schema));
    assertThat(reparsed).isEqualTo(schema);
  }

  @Test
  void personinfoEnumsInliningPatternsAndBounds() {
    ObjectNode schema = JsonSchemaGenerator.generate(Fixtures.view("personinfo.yaml"));

    JsonNode person = schema.at("/$defs/Person");
    ObjectNode age = new ObjectMapper().createObjectNode().put("minimum", 0).put("maximum", 999);
    age.putArray("type").add("integer").add("null");
    assertThat(person.at("/properties/age_in_years")).isEqualTo(age);
    assertThat(person.at("/properties/primary_email/pattern").asText()).isEqualTo("^\\S+@[\\S+\\.]+\\S+");
    assertThat(person.at("/properties/gender/anyOf/0/$ref").asText()).isEqualTo("#/$defs/GenderType");
    assertThat(person.at("/properties/gender/anyOf/1/type").asText()).isEqualTo("null");
    assertThat(person.at("/properties/aliases/type").asText()).isEqualTo("array");
    assertThat(person.at("/properties/aliases/items/type").asText()).isEqualTo("string");
    assertThat(person.at("/properties/has_employment_history/items/$ref").asText())
        .isEqualTo("#/$defs/EmploymentEvent");
    assertThat(person.at("/properties/current_address/anyOf/0/$ref").asText()).as("Address has no identifier")
        .isEqualTo("#/$defs/Address");
    assertThat(texts(person.get("required"))).containsExactly("id");
    assertThat(schema.at("/$defs/EmploymentEvent/properties/employed_at/type/0").asText()).isEqualTo("string");

    JsonNode gender = schema.at("/$defs/GenderType");
    assertThat(gender.get("type").asText()).isEqualTo("string");
    assertThat(texts(gender.get("enum"))).contains("nonbinary man", "cisgender woman").hasSize(6);
    assertThat(schema.at("/$defs/FamilialRelationship/required").toString()).contains("type");
  }

  @Test
  void treeRootAndDictForm() {
    ObjectNode schema = JsonSchemaGenerator.generate(Fixtures.view("kitchen_sink/kitchen_sink.yaml"));

    assertThat(schema.get("$ref").asText()).isEqualTo("#/$defs/Dataset");
    assertThat(schema.get("title").asText()).isEqualTo("Kitchen Sink Schema");
    JsonNode codeSystems = schema.at("/$defs/Dataset/properties/code systems");
    assertThat(codeSystems.get("type").asText()).isEqualTo("object");
    assertThat(codeSystems.at("/additionalProperties/$ref").asText()).isEqualTo("#/$defs/CodeSystem__identifier_optional");
    assertThat(schema.at("/$defs/CodeSystem/required").toString()).contains("id");
    assertThat(schema.at("/$defs/CodeSystem__identifier_optional/required").isMissingNode()).isTrue();
    assertThat(schema.at("/$defs/Dataset/properties/persons/type").asText()).isEqualTo("array");
    assertThat(schema.at("/$defs/activity/properties/started at time/format").asText()).as("from the import")
        .isEqualTo("date");
  }

  @Test
  void typesArraysAndExplicitRoot() {
    ObjectNode schema = JsonSchemaGenerator.generate(Fixtures.view("ddl_features.yaml"), "Person");

    assertThat(schema.get("$ref").asText()).isEqualTo("#/$defs/Person");
    JsonNode person = schema.at("/$defs/Person/properties");
    assertThat(person.at("/email/pattern").asText()).isEqualTo("^[^@ ]+@[^@ ]+$");
    assertThat(person.at("/scores/items/minimum").asInt()).isEqualTo(1);
    assertThat(person.at("/tags/items/$ref").asText()).isEqualTo("#/$defs/Tag");
    assertThat(person.at("/friends/items/type").asText()).isEqualTo("string");
    assertThat(person.at("/friends/items/pattern").asText()).as("the identifier's pattern").isEqualTo(
        "^[A-Z]{2}-[0-9]+$");
    assertThat(schema.at("/$defs/Organization/properties/share/maximum").asInt()).isEqualTo(100);
    assertThat(schema.at("/$defs/User/properties/created/format").asText()).isEqualTo("date-time");
    assertThat(schema.at("/$defs/User/properties/link/format").asText()).isEqualTo("uri");
    assertThat(schema.at("/$defs/User/properties/active/type/0").asText()).isEqualTo("boolean");
    assertThat(schema.at("/$defs/Status/description").asText()).isEqualTo("Where a record stands");
    assertThatThrownBy(() -> JsonSchemaGenerator.generate(Fixtures.view("sales.yaml"), "Nope"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void optionalSlotsAcceptNullAndRequiredOnesDoNot() throws Exception {
    ObjectNode schema = JsonSchemaGenerator.generate(Fixtures.view("sales.yaml"), "Sale");
    com.networknt.schema.JsonSchema validator = com.networknt.schema.JsonSchemaFactory
        .getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012).getSchema(schema);
    ObjectMapper mapper = new ObjectMapper();
    assertThat(validator.validate(mapper.readTree("{\"sale_id\": \"s1\", \"customer\": \"c1\", \"amount\": null}")))
        .as("a nullable column's null").isEmpty();
    assertThat(validator.validate(mapper.readTree("{\"sale_id\": \"s1\", \"customer\": null}")))
        .as("a NOT NULL reference's null").isNotEmpty();
  }
}
