package org.openforge.ontology.linkml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaValidatorTest {

  private static final String HEADER = """
      id: https://example.org/test
      name: test
      prefixes:
        linkml: https://w3id.org/linkml/
        ex: https://example.org/test/
      default_prefix: ex
      default_range: string
      """;

  private static List<ValidationIssue> validate(String body) {
    return SchemaValidator.validate(SchemaView.parse(HEADER + body));
  }

  @Test
  void theGuidesSalesOntologyIsValid() {
    assertThat(SchemaValidator.validate(Fixtures.view("sales.yaml"))).isEmpty();
  }

  @Test
  void linkmlExampleSchemasLoadAndValidate() {
    assertThat(SchemaValidator.validate(Fixtures.view("organization.yaml"))).isEmpty();
    assertThat(SchemaValidator.validate(Fixtures.view("personinfo_inheritance.yaml"))).isEmpty();
    assertThat(SchemaValidator.validate(Fixtures.view("slot_usage_example.yaml"))).isEmpty();
    assertThat(SchemaValidator.validate(Fixtures.view("linkml_types.yaml"))).isEmpty();
    assertThat(SchemaValidator.validate(Fixtures.view("forms.yaml"))).isEmpty();
  }

  @Test
  void personinfoHasTheTwoRealMistakesOfItsUpstreamVersion() {
    List<ValidationIssue> issues = SchemaValidator.validate(Fixtures.view("personinfo.yaml"));

    // upstream refines "related to" (with a space) while the slot is related_to, and leaves DiagnosisType empty
    assertThat(SchemaValidator.errors(issues)).extracting(ValidationIssue::path).containsExactly(
        "enums.DiagnosisType.permissible_values",
        "classes.FamilialRelationship.slot_usage.related to");
    assertThat(issues).filteredOn(i -> !i.isError()).extracting(ValidationIssue::path)
        .containsExactly("slots.current_address.range");
  }

  @Test
  void kitchenSinkWithItsImportHasNoErrorsOnlyInliningWarnings() {
    List<ValidationIssue> issues = SchemaValidator.validate(Fixtures.view("kitchen_sink/kitchen_sink.yaml"));

    assertThat(SchemaValidator.errors(issues)).isEmpty();
    assertThat(issues).extracting(ValidationIssue::severity, ValidationIssue::path).containsExactlyInAnyOrder(
        tuple(Severity.WARNING, "slots.addresses.range"),
        tuple(Severity.WARNING, "slots.has birth event.range"),
        tuple(Severity.WARNING, "slots.metadata.range"),
        tuple(Severity.WARNING, "classes.subclass test.attributes.slot with space 2.range"));
  }

  @Test
  void unknownRange() {
    List<ValidationIssue> issues = validate("""
        classes:
          Sale:
            attributes:
              customer:
                range: Customer
        """);

    assertThat(issues).extracting(ValidationIssue::severity, ValidationIssue::path)
        .containsExactly(tuple(Severity.ERROR, "classes.Sale.attributes.customer.range"));
    assertThat(issues.get(0).message()).contains("Customer");
  }

  @Test
  void unknownRangeInTopLevelSlotSlotUsageAndDefaultRange() {
    List<ValidationIssue> issues = SchemaValidator.validate(SchemaView.parse("""
        id: https://example.org/test
        name: test
        default_range: text
        slots:
          amount:
            range: money
        classes:
          Sale:
            slots: [amount]
            slot_usage:
              amount:
                range: cash
        """));

    assertThat(issues).extracting(ValidationIssue::path).containsExactly("default_range", "slots.amount.range",
        "classes.Sale.slot_usage.amount.range");
  }

  @Test
  void twoIdentifiersInOneClassAfterInheritance() {
    List<ValidationIssue> issues = validate("""
        classes:
          Thing:
            attributes:
              id:
                identifier: true
          Sale:
            is_a: Thing
            attributes:
              sale_id:
                identifier: true
          Other:
            is_a: Thing
        """);

    assertThat(issues).extracting(ValidationIssue::severity, ValidationIssue::path)
        .containsExactly(tuple(Severity.ERROR, "classes.Sale"));
    assertThat(issues.get(0).message()).contains("id, sale_id");
  }

  @Test
  void isACycle() {
    List<ValidationIssue> issues = validate("""
        classes:
          A:
            is_a: B
          B:
            is_a: A
          C:
            is_a: A
        """);

    assertThat(issues).extracting(ValidationIssue::path).containsExactly("classes.A.is_a", "classes.B.is_a");
  }

  @Test
  void mixinCycle() {
    List<ValidationIssue> issues = validate("""
        classes:
          A:
            mixin: true
            mixins: [B]
          B:
            mixin: true
            mixins: [A]
        """);

    assertThat(issues).extracting(ValidationIssue::path).containsExactly("classes.A.mixins[0]", "classes.B.mixins[0]");
  }

  @Test
  void isAAndMixinPointingToUnknownClasses() {
    List<ValidationIssue> issues = validate("""
        classes:
          A:
            is_a: Missing
            mixins: [M, Gone]
          M:
            mixin: true
        """);

    assertThat(issues).extracting(ValidationIssue::path).containsExactly("classes.A.is_a", "classes.A.mixins[1]");
  }

  @Test
  void slotUsageForASlotTheClassDoesNotHave() {
    List<ValidationIssue> issues = validate("""
        slots:
          name:
          age:
            range: integer
        classes:
          Parent:
            slots: [name]
          Child:
            is_a: Parent
            slot_usage:
              name:
                required: true
              age:
                required: true
        """);

    assertThat(issues).extracting(ValidationIssue::path).containsExactly("classes.Child.slot_usage.age");
  }

  @Test
  void classListsAnUndefinedSlot() {
    assertThat(validate("""
        classes:
          A:
            slots: [nothing]
        """)).extracting(ValidationIssue::path).containsExactly("classes.A.slots[0]");
  }

  @Test
  void invalidPatternRegex() {
    List<ValidationIssue> issues = validate("""
        types:
          Code:
            typeof: string
            pattern: "[A-Z"
        slots:
          phone:
            pattern: "^(\\\\d+$"
        classes:
          Person:
            slots: [phone]
            attributes:
              email:
                pattern: "^\\\\S+@\\\\S+$"
        """);

    assertThat(issues).extracting(ValidationIssue::path).containsExactly("types.Code.pattern", "slots.phone.pattern");
  }

  @Test
  void minimumGreaterThanMaximum() {
    List<ValidationIssue> issues = validate("""
        classes:
          Person:
            attributes:
              age:
                range: integer
                minimum_value: 10
                maximum_value: 5
              height:
                range: float
                minimum_value: 1.5
                maximum_value: 1.5
        """);

    assertThat(issues).extracting(ValidationIssue::path).containsExactly("classes.Person.attributes.age.minimum_value");
    assertThat(issues.get(0).message()).contains("10").contains("5");
  }

  @Test
  void enumWithoutValues() {
    List<ValidationIssue> issues = validate("""
        enums:
          Empty:
            description: nothing here
          Dynamic:
            reachable_from:
              source_nodes: [ex:root]
        """);

    assertThat(issues).extracting(ValidationIssue::path).containsExactly("enums.Empty.permissible_values");
  }

  @Test
  void classRangeWithoutIdentifierUsedAsReferenceIsAWarning() {
    List<ValidationIssue> issues = validate("""
        classes:
          Address:
            attributes:
              street:
          Person:
            attributes:
              id:
                identifier: true
              home:
                range: Address
              work:
                range: Address
                inlined: true
              previous:
                range: Address
                multivalued: true
                inlined_as_list: true
          Company:
            attributes:
              boss:
                range: Person
        """);

    assertThat(issues).extracting(ValidationIssue::severity, ValidationIssue::path)
        .containsExactly(tuple(Severity.WARNING, "classes.Person.attributes.home.range"));
  }

  @Test
  void unknownPrefixInACurie() {
    List<ValidationIssue> issues = validate("""
        types:
          Code:
            typeof: string
            uri: xsd:string
        enums:
          Colour:
            enum_uri: colours:Colour
            permissible_values:
              red:
                meaning: paint:red
              green:
                meaning: ex:green
        slots:
          name:
            slot_uri: schema:name
          label:
            slot_uri: rdfs:label
          home:
            slot_uri: https://example.org/home
        classes:
          Thing:
            class_uri: owl:Thing
            slots: [name, label, home]
        """);

    assertThat(issues).extracting(ValidationIssue::path).containsExactly("enums.Colour.enum_uri",
        "enums.Colour.permissible_values.red.meaning", "slots.label.slot_uri", "classes.Thing.class_uri");
    assertThat(issues.get(2).message()).contains("'rdfs'");
  }

  @Test
  void unknownDefaultPrefix() {
    List<ValidationIssue> issues = SchemaValidator.validate(SchemaView.parse("""
        id: https://example.org/test
        name: test
        default_prefix: nope
        """));

    assertThat(issues).extracting(ValidationIssue::path).containsExactly("default_prefix");
  }

  @Test
  void treeRootOnMoreThanOneClass() {
    List<ValidationIssue> issues = validate("""
        classes:
          A:
            tree_root: true
          B:
            tree_root: false
          C:
            tree_root: true
        """);

    assertThat(issues).extracting(ValidationIssue::severity, ValidationIssue::path)
        .containsExactly(tuple(Severity.ERROR, "classes.C.tree_root"));
    assertThat(issues.get(0).message()).contains("A");
  }

  @Test
  void typeofUnknownAndCyclic() {
    List<ValidationIssue> issues = validate("""
        types:
          A:
            typeof: B
          B:
            typeof: A
          C:
            typeof: Nothing
        """);

    assertThat(issues).extracting(ValidationIssue::path).containsExactly("types.A.typeof", "types.B.typeof",
        "types.C.typeof");
  }

  @Test
  void slotIsAUnknownAndCyclic() {
    List<ValidationIssue> issues = validate("""
        slots:
          a:
            is_a: b
          b:
            is_a: a
          c:
            is_a: missing
            mixins: [gone]
        """);

    assertThat(issues).extracting(ValidationIssue::path).containsExactly("slots.a.is_a", "slots.b.is_a",
        "slots.c.is_a", "slots.c.mixins[0]");
  }

  @Test
  void namesSharedBetweenClassesEnumsAndTypes() {
    List<ValidationIssue> issues = validate("""
        types:
          Region:
            typeof: string
          Level:
            typeof: integer
        enums:
          Region:
            permissible_values: [north]
          Level:
            permissible_values: [high]
        classes:
          Region:
            attributes:
              code:
                identifier: true
        """);

    assertThat(issues).extracting(ValidationIssue::path).containsExactly("enums.Region", "types.Region",
        "types.Level");
  }
}
