package org.openforge.ontology.linkml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {

  static List<String> fixtures() {
    return Fixtures.all();
  }

  @Test
  void everyFixtureIsCovered() {
    assertThat(fixtures()).contains("sales.yaml", "personinfo.yaml", "organization.yaml", "forms.yaml",
        "kitchen_sink/kitchen_sink.yaml", "kitchen_sink/core.yaml", "linkml_types.yaml");
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void parseWriteParseGivesAnEqualModel(String fixture) {
    SchemaDefinition first = SchemaReader.parse(Fixtures.text(fixture));
    String written = SchemaWriter.write(first);
    SchemaDefinition second = SchemaReader.parse(written);

    assertThat(second).as(written).isEqualTo(first);
    assertThat(SchemaWriter.write(second)).isEqualTo(written);
  }
}
