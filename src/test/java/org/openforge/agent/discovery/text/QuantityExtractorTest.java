package org.openforge.agent.discovery.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuantityExtractorTest {

  @Test
  void hyphenatedDuration() {
    Quantity q = QuantityExtractor.firstTime("weekly sales by region with 24-hour data freshness").orElseThrow();

    assertThat(q.display()).isEqualTo("24 hours");
    assertThat(q.iso()).isEqualTo("PT24H");
    assertThat(q.seconds()).isEqualTo(86_400);
  }

  @Test
  void percentagesSizesAndCounts() {
    List<Quantity> found = QuantityExtractor.extract(
        "99.9% uptime, 500 GB of files, 10 million rows and 200 concurrent users, 1,500 orders");

    assertThat(found).extracting(Quantity::display)
        .containsExactly("99.9%", "500 GB", "10 million rows", "200 concurrent users", "1,500 orders");
    assertThat(found).extracting(Quantity::kind).containsExactly(Quantity.Kind.PERCENT, Quantity.Kind.SIZE,
        Quantity.Kind.COUNT, Quantity.Kind.COUNT, Quantity.Kind.COUNT);
    assertThat(found.get(2).value()).isEqualTo(10_000_000);
  }

  @Test
  void wordNumbersAndArticles() {
    assertThat(QuantityExtractor.extract("within an hour, keep two years, 15 min"))
        .extracting(Quantity::display).containsExactly("1 hour", "2 years", "15 minutes");
  }

  @Test
  void noFalseDurations() {
    assertThat(QuantityExtractor.extract("as soon as possible, ones and twos")).isEmpty();
    assertThat(QuantityExtractor.extract("refresh once a day, twice a week")).isEmpty();
  }
}
