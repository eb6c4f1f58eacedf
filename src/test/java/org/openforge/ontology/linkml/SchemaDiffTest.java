package org.openforge.ontology.linkml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {

  private static final String BASE = """
      id: https://example.org/sales
      name: sales
      version: "1"
      types:
        Code:
          typeof: string
          pattern: "^[A-Z]+$"
      enums:
        Status:
          permissible_values:
            OPEN:
            CLOSED:
      classes:
        Party:
          attributes:
            party_id:
              identifier: true
        Customer:
          is_a: Party
          attributes:
            name:
              required: true
            status:
              range: Status
            score:
              range: integer
              minimum_value: 0
              maximum_value: 100
        Sale:
          attributes:
            sale_id:
              identifier: true
            customer:
              range: Customer
            amount:
              range: integer
            note:
            tags:
              multivalued: true
      """;

  private static List<SchemaChange> diff(String before, String after) {
    return SchemaDiff.compare(SchemaReader.parse(before), SchemaReader.parse(after));
  }

  private static String edit(String from, String to) {
    String result = BASE.replace(from, to);
    assertThat(result).as("edit applies").isNotEqualTo(BASE);
    return result;
  }

  @Test
  void identicalSchemasHaveNoChanges() {
    assertThat(diff(BASE, BASE)).isEmpty();
    SchemaView sales = Fixtures.view("sales.yaml");
    assertThat(SchemaDiff.compare(sales, sales)).isEmpty();
  }

  @Test
  void removingAClassIsBreakingAndAddingOneIsNot() {
    String withoutSale = BASE.substring(0, BASE.indexOf("  Sale:"));
    assertThat(diff(BASE, withoutSale)).extracting(SchemaChange::name, SchemaChange::summary, SchemaChange::breaking)
        .containsExactly(tuple("Sale", "Class Sale removed", true));
    assertThat(diff(withoutSale, BASE)).extracting(SchemaChange::name, SchemaChange::summary, SchemaChange::breaking)
        .containsExactly(tuple("Sale", "Class Sale added", false));
  }

  @Test
  void removingASlotIsBreakingAddingAnOptionalOneIsNotAddingARequiredOneIs() {
    String noNote = edit("      note:\n", "");
    assertThat(diff(BASE, noNote)).extracting(SchemaChange::name, SchemaChange::breaking, SchemaChange::kind)
        .containsExactly(tuple("Sale.note", true, SchemaChange.Kind.REMOVED));
    assertThat(diff(noNote, BASE)).extracting(SchemaChange::summary, SchemaChange::breaking)
        .containsExactly(tuple("Slot note added to Sale", false));
    String requiredNote = edit("      note:\n", "      note:\n        required: true\n");
    assertThat(diff(noNote, requiredNote)).extracting(SchemaChange::breaking).containsExactly(true);
  }

  @Test
  void inheritedSlotChangesShowInEveryClass() {
    String renamed = edit("      party_id:\n        identifier: true", "      party_code:\n        identifier: true");
    assertThat(diff(BASE, renamed)).extracting(SchemaChange::name, SchemaChange::breaking).containsExactly(
        tuple("Party", true), tuple("Party.party_id", true), tuple("Party.party_code", true),
        tuple("Customer", true), tuple("Customer.party_id", true), tuple("Customer.party_code", true));
    assertThat(diff(BASE, renamed).get(0).summary()).isEqualTo("Identifier of Party changed from party_id to party_code");
  }

  @Test
  void narrowingARangeIsBreakingWideningIsNot() {
    String decimal = edit("      amount:\n        range: integer", "      amount:\n        range: decimal");
    assertThat(diff(BASE, decimal)).extracting(SchemaChange::summary, SchemaChange::breaking)
        .containsExactly(tuple("Range of Sale.amount widened from integer to decimal", false));
    assertThat(diff(decimal, BASE)).extracting(SchemaChange::summary, SchemaChange::breaking)
        .containsExactly(tuple("Range of Sale.amount narrowed from decimal to integer", true));

    String toDate = edit("      amount:\n        range: integer", "      amount:\n        range: date");
    assertThat(diff(BASE, toDate)).extracting(SchemaChange::summary, SchemaChange::breaking)
        .containsExactly(tuple("Range of Sale.amount changed from integer to date", true));

    String toCode = edit("      note:\n", "      note:\n        range: Code\n");
    assertThat(diff(BASE, toCode)).extracting(SchemaChange::breaking).containsExactly(true);
    assertThat(diff(toCode, BASE)).extracting(SchemaChange::summary, SchemaChange::breaking)
        .containsExactly(tuple("Range of Sale.note widened from Code to string", false));

    String toParty = edit("        range: Customer", "        range: Party");
    assertThat(diff(BASE, toParty)).extracting(SchemaChange::breaking).containsExactly(false);
    assertThat(diff(toParty, BASE)).extracting(SchemaChange::breaking).containsExactly(true);

    String statusText = edit("        range: Status", "        range: string");
    assertThat(diff(BASE, statusText)).extracting(SchemaChange::breaking).containsExactly(false);
    assertThat(diff(statusText, BASE)).extracting(SchemaChange::breaking).containsExactly(true);
  }

  @Test
  void makingASlotRequiredIsBreakingRelaxingIsNot() {
    String optionalName = edit("      name:\n        required: true\n", "      name:\n");
    assertThat(diff(BASE, optionalName)).extracting(SchemaChange::summary, SchemaChange::breaking)
        .containsExactly(tuple("Customer.name is no longer required", false));
    assertThat(diff(optionalName, BASE)).extracting(SchemaChange::summary, SchemaChange::breaking)
        .containsExactly(tuple("Customer.name is now required", true));
  }

  @Test
  void cardinalityChangesAreBreaking() {
    String single = edit("      tags:\n        multivalued: true\n", "      tags:\n");
    assertThat(diff(BASE, single)).extracting(SchemaChange::summary, SchemaChange::breaking)
        .containsExactly(tuple("Sale.tags is now single-valued", true));
    String inlined = edit("        range: Customer", "        range: Customer\n        inlined: true");
    assertThat(diff(BASE, inlined)).extracting(SchemaChange::breaking).containsExactly(true);
  }

  @Test
  void constraintsTighteningIsBreakingLooseningIsNot() {
    String tighter = edit("        minimum_value: 0\n        maximum_value: 100",
        "        minimum_value: 1\n        maximum_value: 50");
    assertThat(diff(BASE, tighter)).extracting(SchemaChange::summary, SchemaChange::breaking).containsExactly(
        tuple("Customer.score minimum raised from 0 to 1", true),
        tuple("Customer.score maximum lowered from 100 to 50", true));
    assertThat(diff(tighter, BASE)).extracting(SchemaChange::breaking).containsExactly(false, false);

    String unbounded = edit("        minimum_value: 0\n        maximum_value: 100\n", "");
    assertThat(diff(BASE, unbounded)).extracting(SchemaChange::breaking).containsExactly(false, false);
    assertThat(diff(unbounded, BASE)).extracting(SchemaChange::summary, SchemaChange::breaking).containsExactly(
        tuple("Customer.score minimum 0 added", true), tuple("Customer.score maximum 100 added", true));

    String patterned = edit("      note:\n", "      note:\n        pattern: \"^N\"\n");
    assertThat(diff(BASE, patterned)).extracting(SchemaChange::summary, SchemaChange::breaking)
        .containsExactly(tuple("Sale.note must now match ^N", true));
    assertThat(diff(patterned, BASE)).extracting(SchemaChange::breaking).containsExactly(false);

    String typePattern = edit("pattern: \"^[A-Z]+$\"", "pattern: \"^[A-Z]{2}$\"");
    assertThat(diff(BASE, typePattern)).extracting(SchemaChange::name, SchemaChange::breaking, SchemaChange::element)
        .containsExactly(tuple("Code", true, SchemaChange.Element.TYPE));
  }

  @Test
  void removingAnEnumValueIsBreakingAddingOneIsNot() {
    String more = edit("      CLOSED:\n", "      CLOSED:\n      ON_HOLD:\n");
    assertThat(diff(BASE, more)).extracting(SchemaChange::name, SchemaChange::summary, SchemaChange::breaking)
        .containsExactly(tuple("Status.ON_HOLD", "Value 'ON_HOLD' added to enum Status", false));
    assertThat(diff(more, BASE)).extracting(SchemaChange::name, SchemaChange::summary, SchemaChange::breaking)
        .containsExactly(tuple("Status.ON_HOLD", "Value 'ON_HOLD' removed from enum Status", true));
  }

  @Test
  void classFlagsAndParentsAndVersion() {
    String changed = edit("  Customer:\n    is_a: Party\n", "  Customer:\n    abstract: true\n")
        .replace("version: \"1\"", "version: \"2\"");
    List<SchemaChange> changes = diff(BASE, changed);

    assertThat(changes).extracting(SchemaChange::summary, SchemaChange::breaking).containsExactly(
        tuple("Schema version changed from 1 to 2", false),
        tuple("Class Customer is now abstract (it can no longer be instantiated)", true),
        tuple("Parent of Customer changed from Party to none", true),
        tuple("Identifier of Customer changed from party_id to none", true),
        tuple("Slot party_id removed from Customer", true),
        tuple("Sale.customer is now inlined (nested objects instead of references)", true));
    assertThat(SchemaDiff.hasBreakingChanges(changes)).isTrue();
    assertThat(SchemaDiff.hasBreakingChanges(diff(BASE, BASE))).isFalse();
  }

  @Test
  void theGuidesSalesOntologyEvolves() {
    SchemaDefinition v1 = SchemaReader.read(Fixtures.path("sales.yaml"));
    ClassDefinition sale = v1.classes().get("Sale");
    ClassDefinition.Builder newSale = ClassDefinition.builder("Sale");
    sale.attributes().values().forEach(a -> newSale.attribute(
        a.name().equals("amount") ? a.toBuilder().required(true).minimumValue(java.math.BigDecimal.ZERO).build() : a));
    newSale.attribute(SlotDefinition.builder("channel").range("string").build());
    SchemaDefinition.Builder v2 = SchemaDefinition.builder(v1.id(), v1.name());
    v1.prefixes().forEach(v2::prefix);
    v2.cls(v1.classes().get("Customer")).cls(newSale.build());

    List<SchemaChange> changes = SchemaDiff.compare(v1, v2.build());

    assertThat(changes).extracting(SchemaChange::name, SchemaChange::summary, SchemaChange::breaking).containsExactly(
        tuple("Sale.amount", "Sale.amount is now required", true),
        tuple("Sale.amount", "Sale.amount minimum 0 added", true),
        tuple("Sale.channel", "Slot channel added to Sale", false),
        tuple("Region", "Class Region removed", true));
  }
}
