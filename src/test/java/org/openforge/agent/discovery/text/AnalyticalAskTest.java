package org.openforge.agent.discovery.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyticalAskTest {

  private static AnalyticalAsk one(String sentence) {
    List<AnalyticalAsk> asks = AnalyticalAsk.findAll(sentence);
    assertThat(asks).as(sentence).hasSize(1);
    return asks.get(0);
  }

  @Test
  void measureDimensionsAndGrain() {
    AnalyticalAsk a = one("Monthly revenue by product category");
    assertThat(a.measure()).isEqualTo("revenue");
    assertThat(a.aggregation()).isEqualTo("sum");
    assertThat(a.dimensions()).containsExactly("product category");
    assertThat(a.grain()).isEqualTo("month");

    assertThat(one("revenue by billing country").dimensions()).containsExactly("billing country");
    assertThat(one("Revenue per sales rep").dimensions()).containsExactly("sales rep");
    assertThat(one("Weekly sales by region and channel").dimensions()).containsExactly("region", "channel");
    assertThat(one("Number of streams for each genre per quarter")).satisfies(x -> {
      assertThat(x.measure()).isEqualTo("stream_count");
      assertThat(x.aggregation()).isEqualTo("count");
      assertThat(x.dimensions()).containsExactly("genre");
      assertThat(x.grain()).isEqualTo("quarter");
    });
  }

  @Test
  void implicitDimensionsRankingsFiltersAndZeroRows() {
    AnalyticalAsk clv = one("customer lifetime value");
    assertThat(clv.measure()).isEqualTo("lifetime_value");
    assertThat(clv.dimensions()).containsExactly("customer");

    AnalyticalAsk top = one("Top 10 customers by revenue in 2024");
    assertThat(top.measure()).isEqualTo("revenue");
    assertThat(top.ranking()).isEqualTo(new AnalyticalAsk.Ranking("desc", 10, "customer"));
    assertThat(top.dimensions()).containsExactly("customer");
    assertThat(top.filters()).extracting(AnalyticalAsk.Filter::kind, AnalyticalAsk.Filter::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("year", "2024"));

    AnalyticalAsk active = one("Average basket per month for active customers, showing months without sales as zero");
    assertThat(active.measure()).isEqualTo("average_order_value");
    assertThat(active.grain()).isEqualTo("month");
    assertThat(active.zeroFill()).isTrue();
    assertThat(active.filters()).extracting(AnalyticalAsk.Filter::kind, AnalyticalAsk.Filter::subject)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("flag", "customer"));

    AnalyticalAsk yoy = one("Revenue by region year over year");
    assertThat(yoy.grain()).isEqualTo("year");
    assertThat(yoy.comparison()).isEqualTo("period_over_period");
  }

  @Test
  void severalAsksInOneSentence() {
    List<AnalyticalAsk> asks = AnalyticalAsk.findAll(
        "We need monthly revenue by product category, revenue by billing country and revenue per sales rep");
    assertThat(asks).extracting(AnalyticalAsk::dimensions).containsExactly(List.of("product category"),
        List.of("billing country"), List.of("sales rep"));
    assertThat(asks.get(0).grain()).isEqualTo("month");
    assertThat(asks.get(1).grain()).isNull();
    assertThat(AnalyticalAsk.findAll("the number of orders per customer and customer lifetime value"))
        .extracting(AnalyticalAsk::measure).containsExactly("order_count", "lifetime_value");
  }

  @Test
  void aMeasureAloneIsNoAsk() {
    assertThat(AnalyticalAsk.findAll("Build a comprehensive sales analytics dashboard")).isEmpty();
    assertThat(AnalyticalAsk.findAll("Data must be refreshed daily")).isEmpty();
    assertThat(AnalyticalAsk.findAll("Role-based access for the finance team")).isEmpty();
  }
}
