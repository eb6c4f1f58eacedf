package org.openforge.datasource.catalog;

import java.util.regex.Pattern;

/**
 * Shapes of text values counted by the profiler (in SQL with the database's regular expressions, in Java for CSV).
 * The expressions use only syntax shared by POSIX (PostgreSQL), PCRE (MariaDB) and Java.
 */
enum ValuePattern {
  EMAIL("^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+[.][A-Za-z]{2,}$"),
  URL("^(https?|ftp)://[^ ]+$"),
  PHONE("^[+(]?[0-9][0-9 ().-]{5,18}[0-9]$"),
  POSTAL_CODE("^([0-9]{5}(-[0-9]{4})?|[0-9]{4}|[A-Za-z][0-9][A-Za-z] ?[0-9][A-Za-z][0-9]"
      + "|[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2})$"),
  UUID("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"),
  DATE("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"),
  DATETIME("^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}"),
  NUMBER("^[-+]?[0-9]+([.][0-9]+)?$");

  private final String regex;
  private final Pattern compiled;

  ValuePattern(String regex) {
    this.regex = regex;
    this.compiled = Pattern.compile(regex);
  }

  String regex() {
    return regex;
  }

  boolean test(String value) {
    return compiled.matcher(value).find();
  }

  String label() {
    return name().toLowerCase();
  }
}
