package org.openforge.agent.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AggregateTest {

  private static Map<String, Object> row(String customer, String amount) {
    Map<String, Object> r = new HashMap<>();
    r.put("customer_id", customer);
    r.put("amount", amount);
    return r;
  }

  @Test
  void theGuidesWindowSumPerCustomer() {
    Aggregate ltv = Aggregate.parse("SUM(amount) OVER (PARTITION BY customer_id)").orElseThrow();
    assertThat(ltv.function()).isEqualTo("sum");
    assertThat(ltv.columns()).containsExactly("amount", "customer_id");
    List<Object> values = ltv.evaluate(List.of(row("1", "10.50"), row("2", "3"), row("1", "4.5"), row("2", null),
        row("3", null)));
    assertThat(values.subList(0, 3)).usingElementComparator((a, b) -> ((BigDecimal) a).compareTo((BigDecimal) b))
        .containsExactly(new BigDecimal("15"), new BigDecimal("3"), new BigDecimal("15"));
    assertThat(values.get(4)).isNull();
    assertThat(ltv.pandas("raw")).isEqualTo("pd.to_numeric(raw[\"amount\"], errors=\"coerce\").groupby("
        + "[raw[\"customer_id\"]], dropna=False).transform(\"sum\")");
  }

  @Test
  void otherForms() {
    assertThat(Aggregate.parse("count(*)").orElseThrow().evaluate(List.of(row("1", "1"), row("2", null))))
        .containsExactly(2L, 2L);
    Aggregate avg = Aggregate.parse("avg(s.amount) over (partition by s.customer_id)").orElseThrow();
    assertThat(avg.column()).isEqualTo("amount");
    assertThat(avg.partitionBy()).containsExactly("customer_id");
    assertThat(Aggregate.parse("SUM(amount) / COUNT(*)")).isEmpty();
    Aggregate cast = Aggregate.parse("SUM(CAST(sales.amount AS NUMERIC(12, 2))) OVER (PARTITION BY sales.customer_id)")
        .orElseThrow();
    assertThat(cast.column()).isEqualTo("amount");
    assertThat(cast.partitionBy()).containsExactly("customer_id");
    assertThat(Aggregate.columnsOf("CASE WHEN quantity > 0 THEN amount / quantity END"))
        .containsExactly("quantity", "amount");
    assertThat(Aggregate.columnsOf("coalesce(region_code, 'none')")).containsExactly("region_code");
  }
}
