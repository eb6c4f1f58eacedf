package org.openforge.agent.discovery.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LexiconTest {

  @Test
  void moscowFromWording() {
    assertThat(Moscow.detect("The dashboard must load fast").orElseThrow().priority()).isEqualTo(Moscow.MUST);
    assertThat(Moscow.detect("We need to track orders").orElseThrow().priority()).isEqualTo(Moscow.MUST);
    assertThat(Moscow.detect("Exports should include PDF").orElseThrow().priority()).isEqualTo(Moscow.SHOULD);
    assertThat(Moscow.detect("Nice to have: a mobile view").orElseThrow().priority()).isEqualTo(Moscow.COULD);
    assertThat(Moscow.detect("Forecasting is not needed now").orElseThrow().priority()).isEqualTo(Moscow.WONT);
    assertThat(Moscow.detect("Regional comparison views")).isEmpty();
    assertThat(Moscow.parse("High")).contains(Moscow.MUST);
    assertThat(Moscow.parse("won't")).contains(Moscow.WONT);
    assertThat(Moscow.parse("whenever")).isEmpty();
  }

  @Test
  void dimensionsAndCadence() {
    assertThat(Dimensions.find("weekly sales by region")).containsExactly("region");
    assertThat(Dimensions.find("Analyze sales trends across regions")).containsExactly("region");
    assertThat(Dimensions.find("Regional comparison views")).containsExactly("region");
    assertThat(Dimensions.find("on-time rate per carrier and depot, store-level")).containsExactly("carrier",
        "depot", "store");
    assertThat(Dimensions.find("rate per carrier, refreshed every 15 minutes")).containsExactly("carrier");
    assertThat(Dimensions.find("scorecards approved by finance, shown by default")).isEmpty();
    assertThat(Cadence.find("Generate weekly performance reports").orElseThrow().cadence()).isEqualTo(Cadence.WEEKLY);
    assertThat(Cadence.find("refresh the mart every night").orElseThrow().cadence()).isEqualTo(Cadence.DAILY);
    assertThat(Cadence.find("Real-time sales dashboard")).isEmpty();
  }

  @Test
  void featuresMostSpecificFirst() {
    assertThat(Feature.detect("Regional comparison views")).startsWith(Feature.COMPARISON);
    assertThat(Feature.detect("Export capabilities")).containsExactly(Feature.EXPORT);
    assertThat(Feature.detect("Analyze sales trends across regions")).containsExactly(Feature.TREND,
        Feature.ANALYSIS);
    assertThat(Quality.detect("Real-time sales dashboard")).containsExactly(Quality.LATENCY);
  }
}
