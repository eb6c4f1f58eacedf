package org.openforge.datasource.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Infers what a column's values mean from its name, type and measured facts. Semantic types: identifier, email, url,
 * phone, postal_code, country, date, datetime, time, uuid, currency, quantity, number, boolean_like, category,
 * free_text, text, json, binary, unknown. The evidence says which facts decided it.
 */
final class SemanticTypes {

  /** An inferred semantic type and why. */
  record Semantic(String type, String evidence) {}

  private static final Pattern MONEY = Pattern.compile(
      "(?i).*(amount|price|total|revenue|cost|fee|balance|salary|sales|discount|tax|spend|value|payment|paid).*");
  private static final Pattern QUANTITY = Pattern.compile("(?i).*(qty|quantity|units|count|number_of|num_).*");
  private static final Pattern PHONE_NAME = Pattern.compile("(?i).*(phone|tel|mobile|fax|cell).*");
  private static final Pattern POSTAL_NAME = Pattern.compile("(?i).*(zip|postal|postcode|post_code|plz).*");
  private static final Pattern COUNTRY_NAME = Pattern.compile("(?i).*(country|nation).*");
  private static final Pattern URL_NAME = Pattern.compile("(?i).*(url|website|link|homepage).*");
  private static final Set<String> BOOLEAN_WORDS = Set.of("y", "n", "yes", "no", "true", "false", "t", "f", "0", "1",
      "on", "off");
  private static final Set<String> COUNTRIES = countries();

  private SemanticTypes() {}

  static Semantic infer(ColumnFacts f) {
    ColumnInfo c = f.column();
    String name = c.name();
    NormalizedType type = c.normalizedType();
    if (c.unsupported()) {
      return new Semantic(type == NormalizedType.BINARY ? "binary" : "unknown",
          "native type " + c.nativeType() + " is not profiled");
    }
    if (f.nonNull() == 0) {
      return new Semantic("unknown", "no non-null values");
    }
    if (type == NormalizedType.STRING || type == NormalizedType.UNKNOWN) {
      Semantic s = fromPatterns(f, name);
      if (s != null) {
        return s;
      }
    }
    if (f.declaredKey()) {
      return new Semantic("identifier", "declared primary key or unique column");
    }
    if (f.references() != null) {
      return new Semantic("identifier", "foreign key to " + f.references());
    }
    boolean allDistinct = f.distinct() != null && f.distinct() == f.nonNull() && f.nonNull() > 1;
    if (KeyHeuristics.keyLike(f.table(), name) && f.distinct() != null
        && f.distinct() >= 0.9 * f.nonNull()) {
      return new Semantic("identifier", "key-like name, " + percent(f.distinct(), f.nonNull()) + " distinct values");
    }
    switch (type) {
      case BOOLEAN:
        return new Semantic("boolean_like", "boolean column");
      case DATE:
        return new Semantic("date", "date column");
      case DATETIME:
        return new Semantic("datetime", "timestamp column");
      case TIME:
        return new Semantic("time", "time column");
      case UUID:
        return new Semantic(allDistinct ? "identifier" : "uuid", "uuid column" + (allDistinct ? ", all distinct" : ""));
      case JSON:
        return new Semantic("json", "json column");
      case INTEGER, DECIMAL, FLOAT:
        return numeric(f, name, type);
      default:
        break;
    }
    Semantic lowCardinality = lowCardinality(f);
    if (lowCardinality != null) {
      return lowCardinality;
    }
    if (f.avgLength() != null && f.avgLength() >= 40) {
      return new Semantic("free_text", String.format(Locale.ROOT, "average length %.0f characters", f.avgLength()));
    }
    return new Semantic("text", "short text without a recognised pattern");
  }

  private static Semantic fromPatterns(ColumnFacts f, String name) {
    if (f.share(ValuePattern.EMAIL) >= 0.9) {
      return evidence("email", f, ValuePattern.EMAIL);
    }
    if (f.share(ValuePattern.URL) >= 0.9 || (URL_NAME.matcher(name).matches() && f.share(ValuePattern.URL) >= 0.5)) {
      return evidence("url", f, ValuePattern.URL);
    }
    if (f.share(ValuePattern.UUID) >= 0.95) {
      return evidence("uuid", f, ValuePattern.UUID);
    }
    if (POSTAL_NAME.matcher(name).matches() && f.share(ValuePattern.POSTAL_CODE) >= 0.8) {
      return evidence("postal_code", f, ValuePattern.POSTAL_CODE);
    }
    if (PHONE_NAME.matcher(name).matches() && f.share(ValuePattern.PHONE) >= 0.8) {
      return evidence("phone", f, ValuePattern.PHONE);
    }
    if (f.share(ValuePattern.DATETIME) >= 0.95) {
      return evidence("datetime", f, ValuePattern.DATETIME);
    }
    if (f.share(ValuePattern.DATE) >= 0.95) {
      return evidence("date", f, ValuePattern.DATE);
    }
    Semantic country = country(f, name);
    if (country != null) {
      return country;
    }
    if (f.share(ValuePattern.NUMBER) >= 0.95 && MONEY.matcher(name).matches()) {
      return evidence("currency", f, ValuePattern.NUMBER);
    }
    return null;
  }

  private static Semantic numeric(ColumnFacts f, String name, NormalizedType type) {
    ColumnInfo c = f.column();
    if (f.distinct() != null && f.distinct() <= 2 && f.top() != null && !f.top().isEmpty()
        && f.top().stream().allMatch(t -> t.value().equals("0") || t.value().equals("1"))) {
      return new Semantic("boolean_like", "only the values 0 and 1");
    }
    if (MONEY.matcher(name).matches() && type != NormalizedType.INTEGER) {
      return new Semantic("currency", "name suggests money, " + type.value() + " values");
    }
    if (type == NormalizedType.DECIMAL && c.scale() != null && c.scale() == 2) {
      return new Semantic("currency", "decimal with 2 fractional digits");
    }
    if (MONEY.matcher(name).matches()) {
      return new Semantic("currency", "name suggests money");
    }
    if (QUANTITY.matcher(name).matches()) {
      return new Semantic("quantity", "name suggests a count or quantity");
    }
    Semantic lowCardinality = lowCardinality(f);
    if (lowCardinality != null && lowCardinality.type().equals("boolean_like")) {
      return lowCardinality;
    }
    return new Semantic("number", type.value() + " values");
  }

  private static Semantic lowCardinality(ColumnFacts f) {
    if (f.distinct() == null || f.top() == null || f.top().isEmpty()) {
      return null;
    }
    long d = f.distinct();
    if (d <= 2 && f.top().size() == d
        && f.top().stream().allMatch(t -> BOOLEAN_WORDS.contains(t.value().strip().toLowerCase(Locale.ROOT)))) {
      return new Semantic("boolean_like", "only the values " + f.top().stream().map(TopValue::value).toList());
    }
    boolean few = d <= 50 && (d * 5 <= f.nonNull() || (f.nonNull() < 20 && d * 2 <= f.nonNull()));
    if (few) {
      return new Semantic("category", d + " distinct values in " + f.nonNull() + " rows");
    }
    return null;
  }

  private static Semantic country(ColumnFacts f, String name) {
    if (f.top() == null || f.top().isEmpty() || f.distinct() == null || f.distinct() > 300) {
      return null;
    }
    long known = f.top().stream().filter(t -> COUNTRIES.contains(t.value().strip().toUpperCase(Locale.ROOT))).count();
    boolean topAreCountries = known == f.top().size();
    if (topAreCountries && (COUNTRY_NAME.matcher(name).matches() || f.distinct() >= 3)) {
      return new Semantic("country", "the " + known + " most frequent values are ISO country codes or names"
          + (COUNTRY_NAME.matcher(name).matches() ? " and the name says country" : ""));
    }
    if (COUNTRY_NAME.matcher(name).matches() && known * 2 >= f.top().size()) {
      return new Semantic("country", "the name says country; " + known + " of the top " + f.top().size()
          + " values are ISO country codes or names");
    }
    return null;
  }

  private static Semantic evidence(String type, ColumnFacts f, ValuePattern pattern) {
    return new Semantic(type, f.matches(pattern) + " of " + f.patternBase() + (f.patternsSampled() ? " sampled" : "")
        + " non-null values (" + percent(f.matches(pattern), f.patternBase()) + ") match the " + pattern.label()
        + " pattern");
  }

  static String percent(long part, long whole) {
    return whole == 0 ? "0%" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }

  private static Set<String> countries() {
    Set<String> set = new HashSet<>();
    for (String code : Locale.getISOCountries()) {
      set.add(code);
      set.add(new Locale("", code).getDisplayCountry(Locale.ENGLISH).toUpperCase(Locale.ROOT));
    }
    for (String code : Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3)) {
      set.add(code);
    }
    set.addAll(List.of("USA", "UK", "UNITED STATES OF AMERICA", "GREAT BRITAIN"));
    return set;
  }
}
