package org.openforge.agent.design;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openforge.ontology.infer.Naming;

class NamesTest {

  @Test
  void singularOfTableNames() {
    assertThat(Naming.singular("customers")).isEqualTo("customer");
    assertThat(Naming.singular("sales")).isEqualTo("sale");
    assertThat(Naming.singular("categories")).isEqualTo("category");
    assertThat(Naming.singular("addresses")).isEqualTo("address");
    assertThat(Naming.singular("order_items")).isEqualTo("order_item");
    assertThat(Naming.singular("warehouses")).isEqualTo("warehouse");
    assertThat(Naming.singular("statuses")).isEqualTo("status");
    assertThat(Naming.singular("people")).isEqualTo("person");
    assertThat(Naming.singular("boxes")).isEqualTo("box");
    assertThat(Naming.singular("inventory")).isEqualTo("inventory");
    assertThat(Naming.singular("analysis")).isEqualTo("analysis");
  }

  @Test
  void pluralAndCase() {
    assertThat(Naming.plural("category")).isEqualTo("categories");
    assertThat(Naming.plural("order_line")).isEqualTo("order_lines");
    assertThat(Naming.plural("person")).isEqualTo("people");
    assertThat(Naming.pascal("order_lines")).isEqualTo("OrderLines");
    assertThat(Naming.pascal(Naming.singular(Naming.snake("OrderLines")))).isEqualTo("OrderLine");
    assertThat(Naming.snake("CustomerID")).isEqualTo("customer_id");
    assertThat(Naming.snake("Unit Price ($)")).isEqualTo("unit_price");
    assertThat(Naming.snake("2fa_enabled")).isEqualTo("n_2fa_enabled");
    assertThat(Naming.words("customer_code")).isEqualTo("Customer code");
  }
}
