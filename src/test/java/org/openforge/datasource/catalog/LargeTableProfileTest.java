package org.openforge.datasource.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openforge.datasource.CsvRoots;
import org.openforge.datasource.DataSourceRecord;
import org.openforge.datasource.JdbcConfig;
import org.openforge.datasource.ScratchDatabases;
import org.openforge.datasource.Secret;
import org.openforge.datasource.SourceType;
import org.openforge.system.OpenForgeProperties;

/**
 * Tables above the exact threshold are read in one aggregate scan (rows, nulls, min and max exact) with distinct
 * counts and top values taken from pg_stats, or from a TABLESAMPLE where the table has no statistics, every such
 * field marked in {@code estimates}; below the threshold everything stays exact and unmarked. Checked against SQL
 * ground truth on a 5,000-row table with the threshold at 1,000.
 */
class LargeTableProfileTest {

  private static final ProfileOptions LARGE = ProfileOptions.defaults().withExactMaxRows(1000, 2000);
  private static final String COLUMNS = "g::bigint as id, case when g % 7 = 0 then null else g % 10 end as grp, "
      + "'c' || (g % 50) as code, case when g % 3 = 0 then null else g % 2 = 0 end as flag, "
      + "date '2024-01-01' + (g % 365) as day, case when g % 11 = 0 then null else round(g * 0.37, 2) end as amount, "
      + "case when g % 4 = 0 then null else 'user' || g || '@example.com' end as email";

  private static String database;
  private static Catalogs catalogs;

  @BeforeAll
  static void build() throws Exception {
    database = ScratchDatabases.createPostgres("large");
    catalogs = new Catalogs(new CsvRoots(new OpenForgeProperties(true, Path.of("target/test-data"),
        Path.of("samples"), new OpenForgeProperties.Admin(null, null, null), new OpenForgeProperties.Demo(false)), ""),
        Clock.systemUTC());
    try (Connection c = ScratchDatabases.postgres(database)) {
      ScratchDatabases.run(c, "create schema s",
          "create table s.analysed as select " + COLUMNS + " from generate_series(1, 5000) g",
          "alter table s.analysed add primary key (id)",
          "analyze s.analysed",
          "create table s.unanalysed with (autovacuum_enabled = false) as select " + COLUMNS
              + " from generate_series(1, 5000) g");
    }
  }

  @AfterAll
  static void drop() {
    ScratchDatabases.dropPostgres(database);
  }

  @Test
  void largeTableTakesDistinctsAndTopValuesFromPgStatsMarkedAsEstimates() throws Exception {
    TableInfo t = profile("analysed", LARGE);
    assertThat(t.rowCount()).isEqualTo(5000);
    assertThat(t.rowCountExact()).isTrue();
    assertExactScan(t);
    for (ColumnInfo c : t.columns()) {
      assertThat(c.profile().distinctApproximate()).as(c.name()).isTrue();
      assertThat(c.profile().estimates()).as(c.name()).containsEntry("distinct_count", "pg_stats")
          .containsEntry("top_values", "pg_stats");
      // ANALYZE read all 5,000 rows: its n_distinct is the exact count (rounded through a share of the rows)
      assertThat((double) c.profile().distinctCount()).as(c.name())
          .isCloseTo(exact("count(distinct " + c.name() + ")", "analysed"), within(5.0));
    }
    assertThat(topValues(t, "grp")).containsExactlyInAnyOrderElementsOf(exactTop("grp", "analysed"));
    assertThat(t.column("flag").orElseThrow().profile().topValues()).extracting(TopValue::value)
        .containsExactlyInAnyOrder("true", "false");
    ColumnProfile email = t.column("email").orElseThrow().profile();
    assertThat(email.estimates()).containsEntry("avg_length", "tablesample");
    assertThat(email.topValues()).isEmpty();
    assertThat(email.semanticType()).isEqualTo("email");
    assertThat(email.semanticEvidence()).contains("sampled non-null values (100.0%) match the email pattern");
  }

  @Test
  void largeTableWithoutStatisticsEstimatesFromATableSample() throws Exception {
    TableInfo t = profile("unanalysed", LARGE);
    assertThat(t.rowCount()).isEqualTo(5000);
    assertExactScan(t);
    ColumnProfile grp = t.column("grp").orElseThrow().profile();
    assertThat(grp.estimates()).containsEntry("distinct_count", "tablesample")
        .containsEntry("top_values", "tablesample");
    assertThat(grp.distinctCount()).isEqualTo(10);
    assertThat(grp.topValues()).extracting(TopValue::value)
        .containsExactlyInAnyOrderElementsOf(exactTop("grp", "unanalysed").stream().map(TopValue::value).toList());
    // every sampled id is distinct: Duj1 says the column is unique
    assertThat(t.column("id").orElseThrow().profile().distinctCount()).isEqualTo(5000);
    assertThat(t.column("code").orElseThrow().profile().distinctCount()).isEqualTo(50);
  }

  @Test
  void smallTableStaysExactAndUnmarked() throws Exception {
    TableInfo t = profile("analysed", ProfileOptions.defaults());
    assertExactScan(t);
    for (ColumnInfo c : t.columns()) {
      assertThat(c.profile().estimates()).as(c.name()).isEmpty();
      assertThat(c.profile().distinctApproximate()).isFalse();
      assertThat(c.profile().distinctCount()).as(c.name())
          .isEqualTo(exact("count(distinct " + c.name() + ")", "analysed"));
    }
    assertThat(topValues(t, "grp")).containsExactlyInAnyOrderElementsOf(exactTop("grp", "analysed"));
    assertThat(t.column("email").orElseThrow().profile().semanticEvidence())
        .isEqualTo("3750 of 3750 non-null values (100.0%) match the email pattern");
  }

  @Test
  void duj1EstimatorSpansSeenToTotal() {
    assertThat(SampleEstimates.duj1(100, 100, 100, 10_000)).isEqualTo(10_000);
    assertThat(SampleEstimates.duj1(1000, 10, 0, 1_000_000)).isEqualTo(10);
    assertThat(SampleEstimates.duj1(500, 40, 3, 500)).isEqualTo(40);
  }

  /** Nulls, min and max of every column equal SQL's, whichever path profiled the table. */
  private static void assertExactScan(TableInfo t) throws Exception {
    for (ColumnInfo c : t.columns()) {
      ColumnProfile p = c.profile();
      assertThat(p.nullCount()).as(c.name()).isEqualTo(exact("count(*) - count(" + c.name() + ")", t.name()));
      if (c.normalizedType().ordered()) {
        String[] bounds = text("min(" + c.name() + ")::text, max(" + c.name() + ")::text", t.name());
        assertThat(bound(p.min())).as(c.name() + " min").isEqualTo(bounds[0]);
        assertThat(bound(p.max())).as(c.name() + " max").isEqualTo(bounds[1]);
      }
    }
  }

  private static String bound(Object value) {
    return value instanceof BigDecimal b ? b.toPlainString() : String.valueOf(value);
  }

  private static TableInfo profile(String table, ProfileOptions options) {
    SourceCatalog catalog = catalogs.profile(source(), options.withTables(List.of(table)));
    assertThat(catalog.warnings()).isEmpty();
    return catalog.tables().get(0);
  }

  private static List<TopValue> topValues(TableInfo t, String column) {
    return t.column(column).orElseThrow().profile().topValues();
  }

  private static List<TopValue> exactTop(String column, String table) throws Exception {
    List<TopValue> top = new ArrayList<>();
    try (Connection c = ScratchDatabases.postgres(database); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select " + column + "::text, count(*) from s." + table + " where " + column
            + " is not null group by " + column)) {
      while (rs.next()) {
        top.add(new TopValue(rs.getString(1), rs.getLong(2)));
      }
    }
    return top;
  }

  private static long exact(String expression, String table) throws Exception {
    return Long.parseLong(text(expression, table)[0]);
  }

  private static String[] text(String expressions, String table) throws Exception {
    try (Connection c = ScratchDatabases.postgres(database); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select " + expressions + " from s." + table)) {
      rs.next();
      String[] values = new String[rs.getMetaData().getColumnCount()];
      for (int i = 0; i < values.length; i++) {
        values[i] = rs.getString(i + 1);
      }
      return values;
    }
  }

  private static DataSourceRecord source() {
    return new DataSourceRecord("pg-" + database, "scratch " + database, SourceType.POSTGRESQL, null,
        new JdbcConfig(ScratchDatabases.PG_HOST, ScratchDatabases.PG_PORT, database, ScratchDatabases.PG_USER,
            Secret.of(ScratchDatabases.PG_PASSWORD), List.of("s"), Map.of(), null, true),
        null, OffsetDateTime.now(), OffsetDateTime.now());
  }
}
