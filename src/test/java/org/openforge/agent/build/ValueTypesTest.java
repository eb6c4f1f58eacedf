package org.openforge.agent.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

  @Test
  void integers() {
    assertThat(ValueTypes.convert("12", "integer")).contains(12L);
    assertThat(ValueTypes.convert(new BigDecimal("12.00"), "integer")).contains(12L);
    assertThat(ValueTypes.convert(new BigDecimal("12.5"), "integer")).isEmpty();
    assertThat(ValueTypes.convert("two", "integer")).isEmpty();
    assertThat(ValueTypes.convert("1O", "integer")).isEmpty();
    assertThat(ValueTypes.convert("3 units", "integer")).isEmpty();
  }

  @Test
  void decimalsDatesAndBooleans() {
    assertThat(ValueTypes.convert("311.64", "decimal")).contains(new BigDecimal("311.64"));
    assertThat(ValueTypes.convert("2024-01-26", "date")).contains(LocalDate.of(2024, 1, 26));
    assertThat(ValueTypes.convert("2024-02-30", "date")).isEmpty();
    assertThat(ValueTypes.convert("26.01.2024", "date")).isEmpty();
    assertThat(ValueTypes.convert("2024-01-26 10:15:00+0100", "datetime")).isPresent();
    assertThat(ValueTypes.convert("yes", "boolean")).contains(true);
    assertThat(ValueTypes.convert("maybe", "boolean")).isEmpty();
    assertThat(ValueTypes.pattern("integer")).contains("^[+-]?[0-9]+$");
    assertThat(ValueTypes.pattern("string")).isEmpty();
  }
}
