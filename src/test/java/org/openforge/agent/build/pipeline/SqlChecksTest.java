package org.openforge.agent.build.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openforge.agent.build.ClassBinding;
import org.openforge.agent.build.SlotBinding;
import org.openforge.agent.build.SqlDialect;

/** The SQL each check type pushes down, in both dialects, with values bound rather than spliced. */
class SqlChecksTest {

  private static SlotBinding slot(String name, String column, String base, List<String> enums, BigDecimal min,
      String pattern) {
    return new SlotBinding(name, "direct", column, null, null, base, base, false, false, false, pattern, min, null,
        enums, null, null, "mapping");
  }

  private static CheckPlan plan(String type, SlotBinding... slots) {
    ClassBinding c = new ClassBinding("Sale", "src", "sales", null, List.of(slots), List.of(), "mapping");
    return new CheckPlan("sale.x." + type, type, c, List.of(slots), "rule", null);
  }

  @Test
  void postgres() {
    SqlDialect pg = SqlDialect.POSTGRESQL;
    SqlCheck required = SqlChecks.of(plan("required", slot("email", "email", "string", List.of(), null, null)), pg,
        "\"sales\".\"customers\"", null, null, true, false).orElseThrow();
    assertThat(required.countSql()).isEqualTo("select count(*) from \"sales\".\"customers\" where \"email\" is null");
    SqlCheck unique = SqlChecks.of(plan("unique", slot("a", "a", "string", List.of(), null, null),
        slot("b", "b", "string", List.of(), null, null)), pg, "t", null, null, true, false).orElseThrow();
    assertThat(unique.countSql()).isEqualTo("select coalesce(sum(n - 1), 0) from (select count(*) as n from t where "
        + "\"a\" is not null and \"b\" is not null group by \"a\", \"b\" having count(*) > 1) d");
    SqlCheck reference = SqlChecks.of(plan("reference", slot("customer", "customer_id", "integer", List.of(), null,
        null)), pg, "s", "c", "id", false, false).orElseThrow();
    assertThat(reference.countSql()).isEqualTo("select count(*) from s c where c.\"customer_id\" is not null and not "
        + "exists (select 1 from c p where cast(p.\"id\" as text) = cast(c.\"customer_id\" as text))");
    SqlCheck enums = SqlChecks.of(plan("enum", slot("channel", "channel", "string", List.of("online", "retail"),
        null, null)), pg, "t", null, null, true, false).orElseThrow();
    assertThat(enums.countSql()).endsWith("not in (?, ?)");
    assertThat(enums.params()).containsExactly("online", "retail");
    SqlCheck type = SqlChecks.of(plan("type", slot("quantity", "quantity", "integer", List.of(), null, null)), pg,
        "t", null, null, true, false).orElseThrow();
    assertThat(type.countSql()).contains("cast(\"quantity\" as text) !~ ?");
    assertThat(type.params()).containsExactly("^[+-]?[0-9]+$");
    SqlCheck range = SqlChecks.of(plan("range", slot("quantity", "quantity", "integer", List.of(), BigDecimal.ONE,
        null)), pg, "t", null, null, true, true).orElseThrow();
    assertThat(range.countSql()).isEqualTo("select count(*) from t where \"quantity\" < ?");
    assertThat(SqlChecks.of(plan("range", slot("quantity", "quantity", "integer", List.of(), BigDecimal.ONE, null)),
        pg, "t", null, null, true, false)).isEmpty();
  }

  @Test
  void mariadb() {
    SqlCheck pattern = SqlChecks.of(plan("pattern", slot("country", "country", "string", List.of(), null,
        "^[A-Z]{2}$")), SqlDialect.MARIADB, "`regions`", null, null, true, false).orElseThrow();
    assertThat(pattern.countSql()).isEqualTo("select count(*) from `regions` where `country` is not null and "
        + "cast(`country` as char) not regexp binary ?");
    assertThat(pattern.params()).containsExactly("^[A-Z]{2}$");
  }
}
