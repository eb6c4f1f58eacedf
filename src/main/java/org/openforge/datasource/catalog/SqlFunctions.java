package org.openforge.datasource.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The functions agent SQL may call. An allow-list, because a database function can read files, sleep, signal other
 * sessions, open connections elsewhere or run SQL of its own, and new ones come with every release and extension:
 * only functions known to compute a value from their arguments pass. The deny-list names the dangerous families so
 * that a refusal says why, and keeps them out should someone widen the allow-list by mistake.
 */
final class SqlFunctions {

  private static final Set<String> ALLOWED = Set.of(
      // aggregates
      "count", "sum", "avg", "min", "max", "stddev", "stddev_pop", "stddev_samp", "std", "variance", "var_pop",
      "var_samp", "string_agg", "array_agg", "group_concat", "json_agg", "jsonb_agg", "json_object_agg",
      "jsonb_object_agg", "json_arrayagg", "json_objectagg", "bool_and", "bool_or", "every", "bit_and", "bit_or",
      "bit_xor", "percentile_cont", "percentile_disc", "mode", "median", "corr", "covar_pop", "covar_samp",
      "regr_slope", "regr_intercept", "regr_count", "regr_r2", "regr_avgx", "regr_avgy", "regr_sxx", "regr_syy",
      "regr_sxy", "any_value", "grouping", "rollup", "cube",
      // window functions
      "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "first_value",
      "last_value", "nth_value",
      // math
      "abs", "ceil", "ceiling", "floor", "round", "trunc", "truncate", "mod", "power", "pow", "sqrt", "cbrt", "exp",
      "ln", "log", "log10", "log2", "sign", "pi", "degrees", "radians", "sin", "cos", "tan", "asin", "acos", "atan",
      "atan2", "cot", "random", "rand", "div", "width_bucket", "gcd", "lcm", "scale", "trim_scale", "conv",
      "bit_count",
      // text
      "length", "char_length", "character_length", "octet_length", "bit_length", "lower", "upper", "lcase", "ucase",
      "initcap", "trim", "ltrim", "rtrim", "btrim", "substr", "substring", "substring_index", "mid", "left", "right",
      "lpad", "rpad", "concat", "concat_ws", "replace", "reverse", "repeat", "position", "strpos", "locate", "instr",
      "split_part", "translate", "format", "overlay", "ascii", "chr", "char", "ord", "quote_ident", "quote_literal",
      "quote_nullable", "starts_with", "space", "field", "find_in_set", "elt", "soundex", "hex", "unhex", "bin",
      "oct", "to_hex", "encode", "decode", "md5", "sha1", "sha2", "sha224", "sha256", "sha384", "sha512", "crc32",
      "regexp_replace", "regexp_matches", "regexp_match", "regexp_like", "regexp_substr", "regexp_instr",
      "regexp_count", "regexp_split_to_array", "regexp_split_to_table", "string_to_array", "array_to_string",
      "to_char", "to_number", "collation", "charset",
      // conditionals and null handling
      "coalesce", "nullif", "ifnull", "nvl", "if", "isnull", "greatest", "least", "num_nulls", "num_nonnulls",
      // date and time
      "now", "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp", "clock_timestamp",
      "statement_timestamp", "transaction_timestamp", "timeofday", "date_trunc", "date_part", "date_bin", "extract",
      "age", "make_date", "make_time", "make_timestamp", "make_timestamptz", "make_interval", "justify_days",
      "justify_hours", "justify_interval", "to_timestamp", "to_date", "isfinite", "date", "time", "timestamp",
      "year", "month", "day", "dayofmonth", "dayofweek", "dayofyear", "weekday", "week", "weekofyear", "yearweek",
      "quarter", "hour", "minute", "second", "microsecond", "monthname", "dayname", "date_format", "time_format",
      "str_to_date", "date_add", "date_sub", "adddate", "subdate", "addtime", "subtime", "datediff", "timediff",
      "timestampdiff", "timestampadd", "last_day", "from_unixtime", "unix_timestamp", "curdate", "curtime",
      "sysdate", "utc_date", "utc_time", "utc_timestamp", "convert_tz", "makedate", "maketime", "period_add",
      "period_diff", "to_days", "from_days", "to_seconds", "sec_to_time", "time_to_sec", "timezone",
      // casts and types
      "cast", "convert", "binary", "pg_typeof", "format_type", "int", "int2", "int4", "int8", "float4", "float8",
      "numeric", "text", "varchar", "bool", "timestamptz",
      // JSON
      "json_extract", "json_unquote", "json_value", "json_query", "json_contains", "json_contains_path", "json_keys",
      "json_length", "json_type", "json_valid", "json_object", "json_array", "json_search", "json_depth",
      "json_build_object", "json_build_array", "jsonb_build_object", "jsonb_build_array", "to_json", "to_jsonb",
      "row_to_json", "array_to_json", "json_array_length", "jsonb_array_length", "json_array_elements",
      "jsonb_array_elements", "json_array_elements_text", "jsonb_array_elements_text", "json_each", "jsonb_each",
      "json_each_text", "jsonb_each_text", "json_object_keys", "jsonb_object_keys", "json_extract_path",
      "jsonb_extract_path", "json_extract_path_text", "jsonb_extract_path_text", "json_typeof", "jsonb_typeof",
      "jsonb_path_query", "jsonb_path_query_array", "jsonb_path_query_first", "jsonb_path_exists",
      "jsonb_path_match", "jsonb_pretty", "json_strip_nulls", "jsonb_strip_nulls",
      // arrays and series
      "array", "unnest", "generate_series", "array_length", "array_position", "array_positions", "array_remove",
      "array_append", "array_prepend", "array_cat", "cardinality", "array_upper", "array_lower", "array_dims",
      "any", "all", "some", "row",
      // full-text search
      "to_tsvector", "to_tsquery", "plainto_tsquery", "phraseto_tsquery", "websearch_to_tsquery", "ts_rank",
      "ts_rank_cd", "ts_headline",
      // who and where am I, and what may I do (read-only facts the platform's own checks ask for)
      "current_user", "session_user", "user", "current_role", "current_schema", "current_schemas",
      "current_database", "database", "schema", "version", "current_setting", "connection_id", "pg_backend_pid",
      "inet_server_addr", "inet_server_port", "inet_client_addr", "host", "masklen", "family", "network",
      "has_table_privilege", "has_schema_privilege", "has_column_privilege", "has_database_privilege",
      "pg_has_role", "pg_get_userbyid", "col_description", "obj_description", "pg_relation_size",
      "pg_total_relation_size", "pg_table_size", "pg_size_pretty");

  /** Prefixes of dangerous function families, with why they are refused. */
  private static final Map<String, String> DENIED_PREFIXES = Map.ofEntries(
      Map.entry("lo_", "large objects read and write server files"),
      Map.entry("pg_read_", "it reads server files"),
      Map.entry("pg_ls_", "it lists server directories"),
      Map.entry("pg_file_", "it reads or writes server files"),
      Map.entry("pg_stat_file", "it reads server file metadata"),
      Map.entry("pg_advisory", "it takes locks"),
      Map.entry("pg_try_advisory", "it takes locks"),
      Map.entry("dblink", "it connects to other databases"),
      Map.entry("query_to_xml", "it runs SQL of its own"),
      Map.entry("table_to_xml", "it reads tables outside the statement"),
      Map.entry("cursor_to_xml", "it runs SQL of its own"),
      Map.entry("schema_to_xml", "it reads tables outside the statement"),
      Map.entry("database_to_xml", "it reads tables outside the statement"),
      Map.entry("pg_sleep", "it stalls the server"),
      Map.entry("pg_replication_", "it administers replication"),
      Map.entry("pg_logical_", "it administers replication"),
      Map.entry("pg_create_", "it administers the server"),
      Map.entry("pg_drop_", "it administers the server"),
      Map.entry("pg_stat_reset", "it administers the server"));

  private static final Map<String, String> DENIED = Map.ofEntries(
      Map.entry("set_config", "it changes session settings (it can lift the read-only transaction)"),
      Map.entry("pg_terminate_backend", "it signals other sessions"),
      Map.entry("pg_cancel_backend", "it signals other sessions"),
      Map.entry("pg_reload_conf", "it administers the server"),
      Map.entry("pg_rotate_logfile", "it administers the server"),
      Map.entry("pg_switch_wal", "it administers the server"),
      Map.entry("pg_promote", "it administers the server"),
      Map.entry("pg_notify", "it signals other sessions"),
      Map.entry("nextval", "it changes a sequence"),
      Map.entry("setval", "it changes a sequence"),
      Map.entry("currval", "sequence functions are not allowed"),
      Map.entry("lastval", "sequence functions are not allowed"),
      Map.entry("txid_current", "it assigns a transaction id"),
      Map.entry("pg_current_xact_id", "it assigns a transaction id"),
      Map.entry("load_file", "it reads server files"),
      Map.entry("sleep", "it stalls the server"),
      Map.entry("benchmark", "it stalls the server"),
      Map.entry("get_lock", "it takes locks"),
      Map.entry("release_lock", "it releases locks"),
      Map.entry("release_all_locks", "it releases locks"),
      Map.entry("master_pos_wait", "it stalls the server"),
      Map.entry("sys_exec", "it runs programs on the server"),
      Map.entry("sys_eval", "it runs programs on the server"));

  /** Catalogs holding password hashes, user-mapping passwords, large objects or server configuration files. */
  private static final Set<String> SECRET_TABLES = Set.copyOf(List.of("pg_shadow", "pg_authid", "pg_user_mapping",
      "pg_user_mappings", "pg_largeobject", "pg_largeobject_metadata", "pg_hba_file_rules", "pg_ident_file_mappings",
      "pg_file_settings", "global_priv"));

  private SqlFunctions() {}

  /** Why the function (bare, lower-case name) may not be called; empty when it may. */
  static Optional<String> refusal(String name) {
    String exact = DENIED.get(name);
    if (exact != null) {
      return Optional.of("function " + name + " is not allowed: " + exact);
    }
    for (Map.Entry<String, String> e : DENIED_PREFIXES.entrySet()) {
      if (name.startsWith(e.getKey())) {
        return Optional.of("function " + name + " is not allowed: " + e.getValue());
      }
    }
    if (!ALLOWED.contains(name)) {
      return Optional.of("function " + name + " is not on the allow-list of read-only SQL functions");
    }
    return Optional.empty();
  }

  /** Tables and schemas holding credentials or server files, never readable by agents. */
  static Optional<String> tableRefusal(String schema, String table) {
    if ("mysql".equals(schema)) {
      return Optional.of("the mysql system schema holds account credentials");
    }
    return SECRET_TABLES.contains(table) ? Optional.of("table " + table + " holds credentials or server files")
        : Optional.empty();
  }

}
