package org.openforge.datasource.catalog;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.util.TablesNamesFinder;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Parser;

/**
 * The parser layer of the read-only guard for agent SQL. The text must be, as the PostgreSQL driver itself splits
 * it (dollar quotes, {@code E''} strings, comments), exactly one statement; as a real SQL parser reads it
 * (JSqlParser), one SELECT — no {@code INTO}, no locking clause, no data-modifying {@code WITH} — that calls only
 * functions from an allow-list and reads no table that holds credentials. Anything it cannot parse is refused.
 */
final class AgentSqlGuard {

  private static final Set<String> FUNCTIONS = Set.of(
      // aggregates and window functions
      "count", "sum", "avg", "min", "max", "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp",
      "median", "percentile_cont", "percentile_disc", "mode", "array_agg", "string_agg", "group_concat", "bool_and",
      "bool_or", "every", "corr", "covar_pop", "covar_samp", "row_number", "rank", "dense_rank", "ntile", "lag",
      "lead", "first_value", "last_value", "nth_value", "cume_dist", "percent_rank", "approx_count_distinct",
      // numbers
      "abs", "ceil", "ceiling", "floor", "round", "trunc", "truncate", "sqrt", "power", "pow", "exp", "ln", "log",
      "log10", "log2", "mod", "sign", "greatest", "least", "pi", "degrees", "radians", "div", "width_bucket",
      // text
      "lower", "upper", "length", "char_length", "character_length", "octet_length", "bit_length", "substr",
      "substring", "left", "right", "trim", "ltrim", "rtrim", "btrim", "replace", "concat", "concat_ws", "position",
      "strpos", "instr", "locate", "lpad", "rpad", "reverse", "repeat", "split_part", "initcap", "regexp_replace",
      "regexp_matches", "regexp_match", "regexp_like", "regexp_substr", "regexp_instr", "md5", "to_char",
      "to_number", "translate", "ascii", "chr", "char", "format", "starts_with", "lcase", "ucase", "space",
      // dates and times
      "now", "current_date", "current_timestamp", "localtimestamp", "date_trunc", "date_part", "extract", "date",
      "time", "timestamp", "year", "month", "day", "dayofweek", "dayofmonth", "dayofyear", "week", "weekofyear",
      "quarter", "hour", "minute", "second", "age", "date_add", "date_sub", "datediff", "timestampdiff",
      "timestampadd", "date_format", "str_to_date", "makedate", "make_date", "make_timestamp", "last_day",
      "unix_timestamp", "from_unixtime", "to_date", "to_timestamp", "justify_days", "justify_hours", "isodow",
      "monthname", "dayname", "curdate", "curtime", "sysdate", "utc_date", "utc_timestamp", "adddate", "subdate",
      // nulls, conditions, types
      "coalesce", "nullif", "ifnull", "isnull", "nvl", "if", "cast", "convert", "try_cast",
      // JSON and arrays
      "json_extract", "json_unquote", "json_value", "json_query", "json_length", "json_type", "json_keys",
      "json_array_length", "jsonb_array_length", "json_typeof", "jsonb_typeof", "json_agg", "jsonb_agg",
      "json_object_agg", "jsonb_object_agg", "json_build_object", "jsonb_build_object", "json_build_array",
      "jsonb_build_array", "to_json", "to_jsonb", "json_object", "json_array", "json_arrayagg", "json_objectagg",
      "array_length", "array_to_string", "cardinality", "unnest", "generate_series", "array_position",
      // who and where the session is, and what it may do (the deployment review reads these)
      "current_user", "session_user", "user", "current_database", "current_schema", "database", "version",
      "current_setting", "pg_backend_pid", "connection_id", "host", "inet_server_addr", "inet_server_port",
      "has_table_privilege", "has_schema_privilege", "has_database_privilege", "has_column_privilege",
      "pg_has_role", "pg_get_userbyid", "rand", "random");

  /** Catalogs that hold credentials or server secrets. */
  private static final Set<String> TABLES = Set.of("pg_shadow", "pg_authid", "pg_user_mappings",
      "pg_user_mapping", "pg_file_settings", "pg_hba_file_rules", "user", "global_priv", "password_history");

  private AgentSqlGuard() {}

  /** The two statements besides SELECT that agents may run: MariaDB's own account of its grants and its TLS. */
  private static final java.util.regex.Pattern SHOW = java.util.regex.Pattern.compile(
      "(?i)\\s*show\\s+(grants|session\\s+status\\s+like\\s+'ssl_cipher')\\s*");

  static void check(String sql) {
    if (SHOW.matcher(sql).matches()) {
      return;
    }
    statementsAsTheDriverSplitsThem(sql);
    Statement statement = parse(sql);
    if (!(statement instanceof Select select)) {
      throw new IllegalArgumentException("only a SELECT is allowed; got " + statement.getClass().getSimpleName()
          .toUpperCase(Locale.ROOT));
    }
    Walker walker = new Walker();
    try {
      walker.getTables((Statement) select);
    } catch (RuntimeException e) {
      // fail closed: what cannot be walked is not run
      throw new IllegalArgumentException("the SQL cannot be checked, so it is not run: " + e.getMessage());
    }
    if (!walker.problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", walker.problems));
    }
  }

  /** PostgreSQL's driver sends each statement it finds; there must be one. */
  private static void statementsAsTheDriverSplitsThem(String sql) {
    try {
      List<NativeQuery> queries = Parser.parseJdbcSql(sql, true, true, true, false, false);
      long statements = queries.stream().filter(q -> !q.nativeSql.isBlank()).count();
      if (statements > 1) {
        throw new IllegalArgumentException("only one statement is allowed; the text holds " + statements);
      }
    } catch (SQLException e) {
      throw new IllegalArgumentException("the SQL cannot be read: " + e.getMessage());
    }
  }

  private static Statement parse(String sql) {
    try {
      Statements statements = CCJSqlParserUtil.parseStatements(sql);
      if (statements.size() != 1) {
        throw new IllegalArgumentException("only one statement is allowed");
      }
      return statements.get(0);
    } catch (JSQLParserException e) {
      String message = e.getCause() == null ? String.valueOf(e.getMessage()) : e.getCause().getMessage();
      throw new IllegalArgumentException("the SQL cannot be parsed, so it is not run: "
          + message.lines().findFirst().orElse(""));
    }
  }

  /** Walks every part of the statement (subqueries, CTEs, expressions) collecting what is not allowed. */
  private static final class Walker extends TablesNamesFinder<Void> {

    final List<String> problems = new ArrayList<>();

    @Override
    public <S> Void visit(Function function, S context) {
      String name = function.getName() == null ? "" : function.getName().toLowerCase(Locale.ROOT);
      String base = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
      base = base.replace("\"", "").replace("`", "");
      if (!FUNCTIONS.contains(base)) {
        problems.add("the function " + name + " is not allowed in agent SQL");
      }
      return super.visit(function, context);
    }

    @Override
    public <S> Void visit(PlainSelect select, S context) {
      if (select.getIntoTables() != null && !select.getIntoTables().isEmpty()) {
        problems.add("SELECT ... INTO is not allowed");
      }
      if (select.getForMode() != null || select.getForUpdateTable() != null) {
        problems.add("locking clauses (FOR UPDATE/SHARE) are not allowed");
      }
      return super.visit(select, context);
    }

    @Override
    public <S> Void visit(WithItem<?> item, S context) {
      if (!(item.getParenthesedStatement() instanceof Select)) {
        problems.add("a WITH clause may only hold SELECTs");
        return null;
      }
      return super.visit(item, context);
    }

    @Override
    protected String extractTableName(net.sf.jsqlparser.schema.Table table) {
      String name = table.getName() == null ? "" : table.getName().replace("\"", "").replace("`", "")
          .toLowerCase(Locale.ROOT);
      String schema = table.getSchemaName() == null ? "" : table.getSchemaName().replace("\"", "")
          .replace("`", "").toLowerCase(Locale.ROOT);
      if (TABLES.contains(name) && (!name.equals("user") || schema.equals("mysql"))) {
        problems.add("the table " + (schema.isEmpty() ? "" : schema + ".") + name + " is not readable by agents");
      }
      return super.extractTableName(table);
    }
  }
}
