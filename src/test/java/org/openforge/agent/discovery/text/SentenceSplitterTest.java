package org.openforge.agent.discovery.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openforge.agent.discovery.Contexts;

class SentenceSplitterTest {

  @Test
  void bulletsKeepTheirLeadIn() {
    List<Sentence> sentences = SentenceSplitter.split("description", Contexts.GUIDE_DESCRIPTION);

    assertThat(sentences).extracting(Sentence::text).containsExactly("Analyze sales trends across regions",
        "Track customer behavior patterns", "Generate weekly performance reports");
    assertThat(sentences).extracting(Sentence::leadIn).containsOnly("We need to");
    assertThat(sentences).extracting(Sentence::field).containsOnly("description");
    assertThat(sentences).extracting(Sentence::index).containsExactly(0, 1, 2);
  }

  @Test
  void proseBeforeALeadInStaysASentence() {
    List<Sentence> sentences = SentenceSplitter.split("description", """
        The team uses spreadsheets today. We want:
        1. Alerts on late deliveries
        2) A carrier scorecard
        """);

    assertThat(sentences).extracting(Sentence::text).containsExactly("The team uses spreadsheets today.",
        "Alerts on late deliveries", "A carrier scorecard");
    assertThat(sentences.get(0).leadIn()).isNull();
    assertThat(sentences.get(1).leadIn()).isEqualTo("We want");
  }

  @Test
  void splitsProseOnSentenceEndsAndSemicolonsButNotAbbreviations() {
    List<Sentence> sentences = SentenceSplitter.split("objective",
        "Show sales by store, e.g. per week. Data must be fresh; exports are nice to have.\nIt must run on the U.S. "
            + "servers.");

    assertThat(sentences).extracting(Sentence::text).containsExactly("Show sales by store, e.g. per week.",
        "Data must be fresh", "exports are nice to have.", "It must run on the U.S. servers.");
  }

  @Test
  void joinsWrappedBulletLines() {
    List<Sentence> sentences = SentenceSplitter.split("description", """
        - Track on-time delivery per carrier
          and per depot
        - Export to CSV
        """);

    assertThat(sentences).extracting(Sentence::text)
        .containsExactly("Track on-time delivery per carrier and per depot", "Export to CSV");
  }

  @Test
  void nothingFromBlankText() {
    assertThat(SentenceSplitter.split("objective", null)).isEmpty();
    assertThat(SentenceSplitter.split("objective", "  \n ")).isEmpty();
  }
}
