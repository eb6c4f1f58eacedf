package org.openforge.ontology.linkml;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SchemaViewTest {

  private final SchemaView personinfo = Fixtures.view("personinfo.yaml");
  private final SchemaView kitchen = Fixtures.view("kitchen_sink/kitchen_sink.yaml");

  @Test
  void inducedSlotsIncludeIsAAndMixinSlotsInheritedFirst() {
    assertThat(personinfo.classSlotNames("Person")).containsExactly("id", "name", "description", "image", "aliases",
        "primary_email", "birth_date", "age_in_years", "gender", "current_address", "has_employment_history",
        "has_familial_relationships", "has_medical_history");
    assertThat(personinfo.inducedSlots("Person")).extracting(SlotDefinition::name)
        .containsExactlyElementsOf(personinfo.classSlotNames("Person"));
  }

  @Test
  void slotUsageIsAppliedAndDefaultRangeFillsTheGaps() {
    SlotDefinition email = personinfo.inducedSlot("Person", "primary_email").orElseThrow();
    assertThat(email.pattern()).isEqualTo("^\\S+@[\\S+\\.]+\\S+");
    assertThat(email.slotUri()).isEqualTo("schema:email");
    assertThat(email.range()).isEqualTo("string");

    SlotDefinition aliases = personinfo.inducedSlot("Person", "aliases").orElseThrow();
    assertThat(aliases.isMultivalued()).isTrue();

    SlotDefinition type = personinfo.inducedSlot("FamilialRelationship", "type").orElseThrow();
    assertThat(type.range()).isEqualTo("FamilialRelationshipType");
    assertThat(type.isRequired()).isTrue();
    assertThat(personinfo.inducedSlot("Relationship", "type").orElseThrow().range()).isEqualTo("string");
    assertThat(personinfo.inducedSlot("Relationship", "nothing")).isEmpty();
  }

  @Test
  void nearestSlotUsageWinsAndExplicitFalseOverrides() {
    SchemaView view = SchemaView.parse("""
        id: x
        name: x
        slots:
          code:
            required: true
            range: string
        classes:
          A:
            slots: [code]
            slot_usage:
              code:
                pattern: "^A"
          B:
            is_a: A
            slot_usage:
              code:
                pattern: "^B"
                required: false
          C:
            is_a: B
        """);

    SlotDefinition code = view.inducedSlot("C", "code").orElseThrow();
    assertThat(code.pattern()).isEqualTo("^B");
    assertThat(code.isRequired()).isFalse();
    assertThat(view.inducedSlot("A", "code").orElseThrow().pattern()).isEqualTo("^A");
    assertThat(view.inducedSlot("A", "code").orElseThrow().isRequired()).isTrue();
  }

  @Test
  void attributesOverrideTopLevelSlotsAndSlotIsAFillsUnsetProperties() {
    SchemaView organization = Fixtures.view("organization.yaml");

    SlotDefinition aliases = organization.inducedSlot("employee", "aliases").orElseThrow();
    assertThat(aliases.range()).isEqualTo("string");
    assertThat(aliases.isMultivalued()).isTrue();
    assertThat(organization.inducedSlot("manager", "last name").orElseThrow().isRequired()).isTrue();
    assertThat(organization.inducedSlot("manager", "has employees").orElseThrow().range()).isEqualTo("employee");

    SchemaView view = SchemaView.parse("""
        id: x
        name: x
        slots:
          id:
            range: integer
        classes:
          A:
            slots: [id]
            attributes:
              id:
                range: string
                identifier: true
        """);
    assertThat(view.inducedSlot("A", "id").orElseThrow().range()).isEqualTo("string");
  }

  @Test
  void identifierSlotIsInherited() {
    assertThat(personinfo.identifierSlot("Person")).map(SlotDefinition::name).hasValue("id");
    assertThat(personinfo.identifierSlot("Address")).isEmpty();
    SchemaView sales = Fixtures.view("sales.yaml");
    assertThat(sales.identifierSlot("Sale")).map(SlotDefinition::name).hasValue("sale_id");
    assertThat(sales.identifierSlot("Sale").orElseThrow().range()).isEqualTo("string");
  }

  @Test
  void rangeKinds() {
    assertThat(personinfo.rangeKind("Person")).isEqualTo(RangeKind.CLASS);
    assertThat(personinfo.rangeKind("GenderType")).isEqualTo(RangeKind.ENUM);
    assertThat(personinfo.rangeKind("date")).isEqualTo(RangeKind.TYPE);
    assertThat(kitchen.rangeKind("phone number type")).isEqualTo(RangeKind.TYPE);
    assertThat(personinfo.rangeKind("Nothing")).isEqualTo(RangeKind.UNKNOWN);
    assertThat(personinfo.isClass("Person")).isTrue();
    assertThat(personinfo.isEnum("Person")).isFalse();
    assertThat(Fixtures.view("sales.yaml").isType("decimal")).as("built in without an import").isTrue();
  }

  @Test
  void ancestorsAndDescendants() {
    assertThat(personinfo.classAncestors("Person")).containsExactly("NamedThing", "HasAliases");
    assertThat(personinfo.classAncestors("DiagnosisConcept")).containsExactly("Concept", "NamedThing");
    assertThat(personinfo.classDescendants("NamedThing")).containsExactly("Person", "Organization", "Concept",
        "DiagnosisConcept", "ProcedureConcept");
    assertThat(personinfo.classDescendants("HasAliases")).containsExactly("Person", "Organization", "Place");
    assertThat(personinfo.classParents("Person")).containsExactly("NamedThing", "HasAliases");
    assertThat(personinfo.isSelfOrAncestor("NamedThing", "DiagnosisConcept")).isTrue();
  }

  @Test
  void queriesTerminateOnCycles() {
    SchemaView view = SchemaView.parse("""
        id: x
        name: x
        classes:
          A:
            is_a: B
            attributes: {a: {}}
          B:
            is_a: A
            attributes: {b: {}}
        """);

    assertThat(view.classAncestors("A")).containsExactly("B");
    assertThat(view.classSlotNames("A")).containsExactlyInAnyOrder("a", "b");
    assertThat(view.classDescendants("A")).containsExactly("B");
  }

  @Test
  void typesResolveToTheirBuiltinRootAndInheritConstraints() {
    SchemaView forms = Fixtures.view("forms.yaml");
    assertThat(forms.typeRoot("Code")).isEqualTo("string");
    assertThat(forms.typePattern("Code")).hasValue("^[A-Z]{3}$");
    assertThat(forms.typeAncestors("Code")).containsExactly("Code", "string");
    assertThat(kitchen.typeRoot("age in years type")).isEqualTo("integer");
    assertThat(Fixtures.view("organization.yaml").typeRoot("yearCount")).isEqualTo("integer");
    assertThat(kitchen.typeRoot("datetime")).isEqualTo("datetime");

    SchemaView view = SchemaView.parse("""
        id: x
        name: x
        types:
          Age:
            typeof: integer
            minimum_value: 0
          AdultAge:
            typeof: Age
            minimum_value: 18
            maximum_value: 150
        """);
    assertThat(view.typeRoot("AdultAge")).isEqualTo("integer");
    assertThat(view.typeMinimum("AdultAge")).hasValue(new BigDecimal("18"));
    assertThat(view.typeMaximum("Age")).isEmpty();
  }

  @Test
  void inliningFollowsLinkmlRules() {
    assertThat(personinfo.isInlined(personinfo.inducedSlot("Person", "current_address").orElseThrow()))
        .as("Address has no identifier").isTrue();
    assertThat(personinfo.isInlined(personinfo.inducedSlot("EmploymentEvent", "employed_at").orElseThrow()))
        .as("Organization has one").isFalse();
    assertThat(personinfo.isInlined(personinfo.inducedSlot("Container", "persons").orElseThrow())).isTrue();
    assertThat(personinfo.isInlined(personinfo.inducedSlot("Person", "name").orElseThrow())).isFalse();
  }
}
