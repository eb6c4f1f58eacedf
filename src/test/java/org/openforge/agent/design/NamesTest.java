package org.openforge.agent.design;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openforge.ontology.infer.Names;

class NamesTest {

  @Test
  void singularOfTableNames() {
    assertThat(Names.singular("customers")).isEqualTo("customer");
    assertThat(Names.singular("sales")).isEqualTo("sale");
    assertThat(Names.singular("categories")).isEqualTo("category");
    assertThat(Names.singular("addresses")).isEqualTo("address");
    assertThat(Names.singular("order_items")).isEqualTo("order_item");
    assertThat(Names.singular("warehouses")).isEqualTo("warehouse");
    assertThat(Names.singular("statuses")).isEqualTo("status");
    assertThat(Names.singular("people")).isEqualTo("person");
    assertThat(Names.singular("boxes")).isEqualTo("box");
    assertThat(Names.singular("inventory")).isEqualTo("inventory");
    assertThat(Names.singular("analysis")).isEqualTo("analysis");
  }

  @Test
  void pluralAndCase() {
    assertThat(Names.plural("category")).isEqualTo("categories");
    assertThat(Names.plural("order_line")).isEqualTo("order_lines");
    assertThat(Names.plural("person")).isEqualTo("people");
    assertThat(Names.pascal("order_lines")).isEqualTo("OrderLines");
    assertThat(Names.pascal(Names.singular(Names.snake("OrderLines")))).isEqualTo("OrderLine");
    assertThat(Names.snake("CustomerID")).isEqualTo("customer_id");
    assertThat(Names.snake("Unit Price ($)")).isEqualTo("unit_price");
    assertThat(Names.snake("2fa_enabled")).isEqualTo("n_2fa_enabled");
    assertThat(Names.words("customer_code")).isEqualTo("Customer code");
  }
}
