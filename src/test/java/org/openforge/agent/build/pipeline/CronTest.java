package org.openforge.agent.build.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class CronTest {

  @Test
  void hourlyAndMacros() {
    Cron hourly = Cron.parse("0 * * * *");
    assertThat(hourly.describe()).isEqualTo("every hour at minute 0");
    assertThat(hourly.longestGap()).isEqualTo(Duration.ofHours(1));
    assertThat(Cron.parse("@daily").expression()).isEqualTo("0 0 * * *");
    assertThat(Cron.parse("hourly").expression()).isEqualTo("0 * * * *");
    assertThat(Cron.parse("30 2 * * *").describe()).isEqualTo("every day at 02:30");
  }

  @Test
  void weekdaysRangesAndSteps() {
    Cron office = Cron.parse("*/15 9-17 * * mon-fri");
    assertThat(office.fires(LocalDateTime.of(2025, 3, 7, 17, 45))).isTrue();
    assertThat(office.fires(LocalDateTime.of(2025, 3, 8, 10, 0))).isFalse();
    assertThat(office.longestGap()).isEqualTo(Duration.ofHours(63).plusMinutes(15));
    assertThat(Cron.parse("0 0 * * 7").fires(LocalDateTime.of(2025, 3, 9, 0, 0))).isTrue();
  }

  @Test
  void dayOfMonthOrDayOfWeekWhenBothAreSet() {
    Cron both = Cron.parse("0 0 1 * mon");
    assertThat(both.fires(LocalDateTime.of(2025, 3, 1, 0, 0))).isTrue();
    assertThat(both.fires(LocalDateTime.of(2025, 3, 3, 0, 0))).isTrue();
    assertThat(both.fires(LocalDateTime.of(2025, 3, 4, 0, 0))).isFalse();
  }

  @Test
  void mistakesAreExplained() {
    assertThatThrownBy(() -> Cron.parse("0 * * *")).hasMessageContaining("has 4 fields");
    assertThatThrownBy(() -> Cron.parse("61 * * * *")).hasMessageContaining("minute 61 is outside 0-59");
    assertThatThrownBy(() -> Cron.parse("0 17-9 * * *")).hasMessageContaining("runs backwards");
    assertThatThrownBy(() -> Cron.parse("0 * * foo *")).hasMessageContaining("not a valid month");
  }
}
