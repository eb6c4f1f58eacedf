package org.openforge.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openforge.datasource.catalog.Catalogs;
import org.openforge.datasource.catalog.ColumnInfo;
import org.openforge.datasource.catalog.NormalizedType;
import org.openforge.datasource.catalog.ProfileOptions;
import org.openforge.datasource.catalog.QualityIssue;
import org.openforge.datasource.catalog.SourceAccessException;
import org.openforge.datasource.catalog.SourceCatalog;
import org.openforge.datasource.catalog.TableInfo;

/** CSV parsing, type inference, streaming profiles (exact and approximate) and the allowed-folder rule. */
class CsvCatalogTest {

  @TempDir
  Path dir;
  private Catalogs catalogs;

  @BeforeEach
  void setUp() {
    catalogs = new Catalogs(ScratchDatabases.roots(dir.resolve("data"), dir), Clock.systemUTC());
  }

  @Test
  void parsesQuotesLineBreaksBomAndReportsMalformedRows() throws Exception {
    Path file = dir.resolve("people.csv");
    Files.writeString(file, "\uFEFFid,name,note,score\r\n"
        + "1,\"Smith, Anna\",\"said \"\"hi\"\"\",1.5\r\n"
        + "2,Bob,\"two\nlines\",2\r\n"
        + "\r\n"
        + "3,Carl,,\r\n"
        + "4,Dana,extra,3,oops\r\n"
        + "5,Eve\r\n", StandardCharsets.UTF_8);
    SourceCatalog catalog = catalogs.profile(ScratchDatabases.csvSource(file), ProfileOptions.defaults());
    TableInfo t = catalog.tables().get(0);
    assertThat(t.name()).isEqualTo("people");
    assertThat(t.kind()).isEqualTo("file");
    assertThat(t.rowCount()).isEqualTo(5);
    assertThat(t.columns()).extracting(ColumnInfo::name).containsExactly("id", "name", "note", "score");
    assertThat(t.column("id").orElseThrow().normalizedType()).isEqualTo(NormalizedType.INTEGER);
    assertThat(t.column("score").orElseThrow().normalizedType()).isEqualTo(NormalizedType.DECIMAL);
    assertThat(t.column("score").orElseThrow().profile().nullCount()).isEqualTo(2);
    assertThat(t.column("name").orElseThrow().profile().min()).isEqualTo("Bob");
    assertThat(t.column("name").orElseThrow().profile().max()).isEqualTo("Smith, Anna");
    assertThat(t.column("note").orElseThrow().profile().nullCount()).isEqualTo(2);
    assertThat(catalogs.describe(ScratchDatabases.csvSource(file)).tables().get(0).column("note").orElseThrow()
        .nullable()).isTrue();
    QualityIssue malformed = t.quality().issues().stream().filter(i -> i.kind().equals("malformed_rows")).findFirst()
        .orElseThrow();
    assertThat(malformed.count()).isEqualTo(2);
    assertThat(malformed.examples()).containsExactly("line 7: 5 fields, expected 4", "line 8: 2 fields, expected 4");
  }

  @Test
  void optionsDelimiterHeaderAndNullMarkers() throws Exception {
    Path file = dir.resolve("plain.csv");
    Files.writeString(file, "a;2024-01-05;yes\nb;2024-02-10;no\nNA;2024-03-15;yes\n");
    DataSourceRecord source = new DataSourceRecord("x", "x", SourceType.CSV, null,
        new CsvConfig(file, ';', false, StandardCharsets.UTF_8, List.of("NA")), null, OffsetDateTime.now(),
        OffsetDateTime.now());
    TableInfo t = catalogs.profile(source, ProfileOptions.defaults()).tables().get(0);
    assertThat(t.rowCount()).isEqualTo(3);
    assertThat(t.columns()).extracting(c -> c.name() + ":" + c.normalizedType().value())
        .containsExactly("column_1:string", "column_2:date", "column_3:boolean");
    assertThat(t.column("column_1").orElseThrow().profile().nullCount()).isEqualTo(1);
    assertThat(t.column("column_2").orElseThrow().profile().min()).isEqualTo("2024-01-05");
    assertThat(t.column("column_2").orElseThrow().profile().max()).isEqualTo("2024-03-15");
  }

  @Test
  void largeFileStaysExactBelowTheLimitAndEstimatesAbove() throws Exception {
    Path file = dir.resolve("events.csv");
    Random random = new Random(7);
    int rows = 60_000;
    Set<String> users = new HashSet<>();
    Map<String, Integer> kinds = new HashMap<>();
    long nullAmounts = 0;
    double minAmount = Double.MAX_VALUE;
    double maxAmount = -Double.MAX_VALUE;
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      w.write("event_id,user_id,kind,amount\n");
      for (int i = 1; i <= rows; i++) {
        String user = "u" + random.nextInt(30_000);
        String kind = i % 10 < 6 ? "view" : i % 10 < 9 ? "click" : "buy-" + random.nextInt(5000);
        String amount = i % 50 == 0 ? "" : String.format(java.util.Locale.ROOT, "%.2f", random.nextDouble() * 100);
        users.add(user);
        kinds.merge(kind, 1, Integer::sum);
        if (amount.isEmpty()) {
          nullAmounts++;
        } else {
          minAmount = Math.min(minAmount, Double.parseDouble(amount));
          maxAmount = Math.max(maxAmount, Double.parseDouble(amount));
        }
        w.write(i + "," + user + "," + kind + "," + amount + "\n");
      }
    }
    long started = System.nanoTime();
    TableInfo t = catalogs.profile(ScratchDatabases.csvSource(file), ProfileOptions.defaults()
        .withCsvExactDistinct(10_000)).tables().get(0);
    System.out.printf("profiled a %d-row CSV file in %d ms%n", rows, (System.nanoTime() - started) / 1_000_000);
    assertThat(t.rowCount()).isEqualTo(rows);
    var user = t.column("user_id").orElseThrow().profile();
    assertThat(user.distinctApproximate()).isTrue();
    assertThat((double) user.distinctCount()).isCloseTo(users.size(), within(users.size() * 0.03));
    var kind = t.column("kind").orElseThrow().profile();
    assertThat(kind.distinctApproximate()).isFalse();
    assertThat(kind.distinctCount()).isEqualTo((long) kinds.size());
    assertThat(kind.topValues().get(0).value()).isEqualTo("view");
    assertThat(kind.topValues().get(0).count()).isEqualTo(kinds.get("view").longValue());
    assertThat(kind.topValues().get(1).count()).isEqualTo(kinds.get("click").longValue());
    var event = t.column("event_id").orElseThrow().profile();
    assertThat(event.distinctApproximate()).isTrue();
    assertThat((double) event.distinctCount()).isCloseTo(rows, within(rows * 0.03));
    assertThat(event.min()).isEqualTo(1L);
    assertThat(event.max()).isEqualTo((long) rows);
    var amount = t.column("amount").orElseThrow();
    assertThat(amount.normalizedType()).isEqualTo(NormalizedType.DECIMAL);
    assertThat(amount.profile().nullCount()).isEqualTo(nullAmounts);
    assertThat(((java.math.BigDecimal) amount.profile().min()).doubleValue()).isEqualTo(minAmount);
    assertThat(((java.math.BigDecimal) amount.profile().max()).doubleValue()).isEqualTo(maxAmount);
  }

  @Test
  void heavyHittersOfAnOverflowedColumnAreRecountedExactly() throws Exception {
    Path file = dir.resolve("clicks.csv");
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      w.write("page\n");
      for (int i = 0; i < 20_000; i++) {
        w.write((i % 4 == 0 ? "home" : i % 4 == 1 ? "cart" : "p" + i) + "\n");
      }
    }
    var page = catalogs.profile(ScratchDatabases.csvSource(file), ProfileOptions.defaults().withCsvExactDistinct(500))
        .tables().get(0).column("page").orElseThrow().profile();
    assertThat(page.distinctApproximate()).isTrue();
    assertThat(page.topValues().subList(0, 2)).extracting(v -> v.value() + "=" + v.count())
        .containsExactly("cart=5000", "home=5000");
  }

  @Test
  void refusesPathsOutsideTheAllowedFoldersAndReportsMissingOnes() throws Exception {
    Path outside = Files.createTempFile("outside", ".csv");
    try {
      assertThatThrownBy(() -> catalogs.describe(ScratchDatabases.csvSource(outside)))
          .isInstanceOf(SourceAccessException.class).hasMessageContaining("outside");
    } finally {
      Files.delete(outside);
    }
    assertThatThrownBy(() -> catalogs.describe(ScratchDatabases.csvSource(dir.resolve("missing"))))
        .isInstanceOf(SourceAccessException.class).hasMessageContaining("does not exist");
    Path link = dir.resolve("link.csv");
    Path target = Files.createTempFile("target", ".csv");
    try {
      Files.createSymbolicLink(link, target);
      assertThatThrownBy(() -> catalogs.describe(ScratchDatabases.csvSource(link)))
          .isInstanceOf(SourceAccessException.class).hasMessageContaining("outside");
    } finally {
      Files.delete(target);
    }
  }
}
