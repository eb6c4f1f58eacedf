package org.openforge.agent.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openforge.agent.design.TransformationMapping;
import org.openforge.datasource.catalog.NormalizedType;
import org.openforge.ontology.linkml.SchemaView;
import org.openforge.support.TestJson;

class BindingReaderTest {

  @Test
  void annotationsAndNameMatching() {
    Binding b = Quirky.binding();
    assertThat(b.origin()).isEqualTo("ontology_annotations");
    ClassBinding c = b.classBinding("Class").orElseThrow();
    assertThat(c.table()).isEqualTo("class.csv");
    assertThat(c.slot("from").orElseThrow().column()).isEqualTo("from");
    assertThat(c.slot("from").orElseThrow().origin()).isEqualTo("name_match");
    assertThat(c.slot("kind").orElseThrow().enumValues()).containsExactly("a\"b", "plain");
    assertThat(c.identifier()).isEqualTo("lambda");
    ClassBinding y = b.classBinding("Yield").orElseThrow();
    SlotBinding owner = y.slot("owner").orElseThrow();
    assertThat(owner.column()).isEqualTo("class_lambda");
    assertThat(owner.referencedClass()).isEqualTo("Class");
    assertThat(owner.baseType()).isEqualTo("integer");
    assertThat(owner.kind()).isEqualTo("lookup");
    assertThat(owner.targetColumn()).isEqualTo("owner_id");
  }

  @Test
  void theMappingWinsAndListsWhatIsUnmapped() {
    String yaml = """
        id: https://example.org/m
        name: m
        classes:
          Order:
            annotations:
              source_id: {tag: source_id, value: src-2}
              source_table: orders
            attributes:
              order_id:
                identifier: true
              total:
                range: decimal
              note: {}
          Ghost:
            annotations:
              source_id: elsewhere
              source_table: ghosts
            attributes:
              id:
                identifier: true
        """;
    Map<String, Object> mapping = Map.of("mappings", List.of(Map.of("class", "Order", "source_id", "warehouse",
        "source_table", "sales.orders", "slots", List.of(Map.of("slot", "order_id", "kind", "direct",
            "source_column", "id"), Map.of("slot", "total", "kind", "aggregation", "expression",
            "price * quantity")))), "unmapped", List.of(Map.of("class", "Order", "slot", "note", "reason",
        "not in the source")));
    Binding b = new BindingReader(SchemaView.parse(yaml),
        TestJson.mapper().convertValue(mapping, TransformationMapping.class), List.of(Quirky.PG), id -> List.of(
        Quirky.table("sales", "orders", 5, Map.of("id", NormalizedType.INTEGER, "price", NormalizedType.DECIMAL,
            "quantity", NormalizedType.INTEGER, "note", NormalizedType.STRING))))
        .read(new Binding.ArtifactRef("o", "m", 1), new Binding.ArtifactRef("m", "mapping", 1));
    ClassBinding order = b.classBinding("Order").orElseThrow();
    assertThat(order.sourceId()).isEqualTo("src-2");
    assertThat(order.table()).isEqualTo("sales.orders");
    assertThat(order.slot("order_id").orElseThrow().column()).isEqualTo("id");
    assertThat(order.slot("total").orElseThrow().computed()).isTrue();
    assertThat(order.slot("note").orElseThrow().mapped()).isFalse();
    assertThat(b.unmapped()).extracting(Binding.Unmapped::className).contains("Order", "Ghost");
    assertThat(b.unmapped().stream().filter(u -> u.className().equals("Ghost")).findFirst().orElseThrow().reason())
        .contains("not attached");
  }
}
