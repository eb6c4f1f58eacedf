package org.openforge.ontology.linkml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaReaderTest {

  @Test
  void readsTheGuidesSalesOntology() {
    SchemaDefinition sales = SchemaReader.read(Fixtures.path("sales.yaml"));

    assertThat(sales.id()).isEqualTo("https://example.org/sales");
    assertThat(sales.name()).isEqualTo("sales_ontology");
    assertThat(sales.prefixes()).containsEntry("sales", "https://example.org/sales/");
    assertThat(sales.classes()).containsOnlyKeys("Customer", "Sale", "Region");
    SlotDefinition customer = sales.classes().get("Sale").attributes().get("customer");
    assertThat(customer.range()).isEqualTo("Customer");
    assertThat(customer.required()).isTrue();
    assertThat(sales.classes().get("Sale").attributes().get("sale_id").isIdentifier()).isTrue();
  }

  @Test
  void readsBothPrefixFormsListShorthandsAndElementLists() {
    SchemaDefinition forms = SchemaReader.read(Fixtures.path("forms.yaml"));

    assertThat(forms.prefixes()).containsExactly(Map.entry("linkml", "https://w3id.org/linkml/"),
        Map.entry("ex", "https://example.org/forms/"), Map.entry("dcterms", "http://purl.org/dc/terms/"));
    assertThat(forms.version()).isEqualTo("1.0");
    assertThat(forms.imports()).containsExactly("linkml:types");
    assertThat(forms.enums().get("Colour").permissibleValues()).containsOnlyKeys("red", "green", "blue sky");
    assertThat(forms.enums().get("Size").permissibleValues().get("S").description()).isEqualTo("small");
    assertThat(forms.enums().get("Size").permissibleValues().get("L").meaning()).isEqualTo("ex:large");
    assertThat(forms.slots()).containsOnlyKeys("code", "amount");
    assertThat(forms.slots().get("code").aliases()).containsExactly("code_value");
    assertThat(forms.slots().get("amount").minimumValue()).isEqualByComparingTo("0.5");
    assertThat(forms.slots().get("amount").maximumValue()).isEqualTo(new BigDecimal("1000"));
    ClassDefinition thing = forms.classes().get("Thing");
    assertThat(thing.slots()).containsExactly("code");
    assertThat(thing.mixins()).containsExactly("Labelled");
    assertThat(thing.attributes().get("colour").multivalued()).isTrue();
  }

  @Test
  void keepsUnknownKeysAsExtensions() {
    SchemaDefinition kitchen = SchemaReader.read(Fixtures.path("kitchen_sink/kitchen_sink.yaml"));

    assertThat(kitchen.extensions()).containsOnlyKeys("default_curi_maps", "see_also", "subsets");
    assertThat(kitchen.classes().get("Person").extensions()).containsKeys("rank", "in_subset", "id_prefixes",
        "exact_mappings", "see_also");
    assertThat(kitchen.classes().get("Person").slotUsage().get("species name").extensions())
        .containsEntry("equals_string", "human");
    assertThat(kitchen.enums().get("EmploymentEventType").permissibleValues().get("FIRE").extensions())
        .isEqualTo(Map.of("annotations", Map.of("biolink:opposite", "HIRE")));
    assertThat(kitchen.slots().get("tree_slot_C").mixins()).containsExactly("mixin_slot_I");
    assertThat(kitchen.slots().get("addresses").multivalued()).isTrue();
    assertThat(kitchen.classes().get("FamilialRelationship").slotUsage().get("cordialness"))
        .isEqualTo(SlotDefinition.builder("cordialness").build());

    String written = SchemaWriter.write(kitchen);
    assertThat(written).contains("equals_string: human").contains("rank: 2").contains("in_subset:");
  }

  @Test
  void writesKeysInConventionalOrder() {
    SchemaDefinition schema = SchemaDefinition.builder("https://example.org/x", "x")
        .cls(ClassDefinition.builder("A").attribute(SlotDefinition.builder("a").range("integer").build()).build())
        .slot(SlotDefinition.builder("s").build())
        .enumeration(EnumDefinition.of("E", "one", "two"))
        .type(TypeDefinition.of("T", "string"))
        .imports(List.of("linkml:types"))
        .defaultRange("string")
        .defaultPrefix("x")
        .prefix("x", "https://example.org/x/")
        .description("d")
        .title("t")
        .extension("license", "CC0")
        .build();

    String yaml = SchemaWriter.write(schema);

    assertThat(yaml).startsWith("id: https://example.org/x\nname: x\ntitle: t\ndescription: d\nprefixes:\n");
    List<String> order = List.of("id:", "name:", "title:", "description:", "prefixes:", "default_prefix:",
        "default_range:", "imports:", "license:", "types:", "enums:", "slots:", "classes:");
    int last = -1;
    for (String key : order) {
      int at = yaml.indexOf("\n" + key) + 1;
      assertThat(at).as(key).isGreaterThan(last);
      last = at;
    }
    assertThat(SchemaReader.parse(yaml)).isEqualTo(schema);
  }

  @Test
  void quotesTextsThatWouldReadAsOtherTypes() {
    SchemaDefinition schema = SchemaDefinition.builder("https://example.org/x", "x").version("1.10")
        .enumeration(EnumDefinition.of("E", "true", "null", "1", "yes", "a: b", "#hash"))
        .build();

    SchemaDefinition again = SchemaReader.parse(SchemaWriter.write(schema));

    assertThat(again).isEqualTo(schema);
    assertThat(again.version()).isEqualTo("1.10");
  }

  @Test
  void reportsShapeErrorsWithTheirPath() {
    assertThatThrownBy(() -> SchemaReader.parse("""
        id: x
        classes:
          Sale:
            attributes:
              amount:
                required: maybe
        """)).isInstanceOf(SchemaParseException.class)
        .hasMessage("classes.Sale.attributes.amount.required: expected true or false, got 'maybe'");
    assertThatThrownBy(() -> SchemaReader.parse("classes: [1, 2]")).isInstanceOf(SchemaParseException.class)
        .hasMessageStartingWith("classes[]: expected a map");
    assertThatThrownBy(() -> SchemaReader.parse("slots:\n  a:\n    minimum_value: low\n"))
        .hasMessage("slots.a.minimum_value: expected a number, got 'low'");
    assertThatThrownBy(() -> SchemaReader.parse("id: [unclosed")).isInstanceOf(SchemaParseException.class)
        .hasMessageStartingWith("not valid YAML");
    assertThatThrownBy(() -> SchemaReader.parse("classes:\n  A: {}\n  A: {}\n"))
        .isInstanceOf(SchemaParseException.class).hasMessageContaining("A");
    assertThatThrownBy(() -> SchemaReader.parse("")).hasMessage("the document is empty");
  }

  @Test
  void resolvesLocalImportsRelativeToTheFile() {
    SchemaView kitchen = Fixtures.view("kitchen_sink/kitchen_sink.yaml");

    assertThat(kitchen.importedSchemas()).extracting(SchemaDefinition::name).containsExactly("core");
    assertThat(kitchen.classes()).containsKeys("Person", "activity", "agent");
    assertThat(kitchen.types()).containsKey("phone number type");
    assertThat(kitchen.prefixes()).containsKey("prov");
    assertThat(kitchen.schema().classes()).doesNotContainKey("activity");
  }

  @Test
  void followsNestedImportsOnceAndRefusesWhatItCannotResolve(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("main.yaml"), "id: m\nname: main\nimports: [linkml:types, sub/a]\n");
    Files.writeString(dir.resolve("sub/a.yaml"), "id: a\nname: a\nimports: [b, ../main]\nclasses: {A: {}}\n");
    Files.writeString(dir.resolve("sub/b.yaml"), "id: b\nname: b\nimports: [a]\nclasses: {B: {}}\n");

    SchemaView view = SchemaView.load(dir.resolve("main.yaml"));

    assertThat(view.importedSchemas()).extracting(SchemaDefinition::name).containsExactly("a", "b");
    assertThat(view.classes()).containsOnlyKeys("A", "B");
    assertThatThrownBy(() -> SchemaView.parse("id: x\nname: x\nimports: [core]\n"))
        .isInstanceOf(SchemaParseException.class).hasMessageContaining("not loaded from a directory");
    assertThatThrownBy(() -> SchemaView.of(SchemaReader.parse("id: x\nname: x\nimports: [missing]\n"), dir))
        .isInstanceOf(SchemaParseException.class).hasMessageContaining("missing.yaml does not exist");
    assertThatThrownBy(() -> SchemaView.of(SchemaReader.parse("id: x\nname: x\nimports: [bio:core]\n"), dir))
        .isInstanceOf(SchemaParseException.class).hasMessageContaining("only local files and linkml: modules");
  }
}
