package org.openforge.agent.design;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The families of checks schema validation runs; {@code input_data.validation_rules} picks some of them. */
enum Rule {
  TYPE_COMPATIBILITY("type_compatibility", Set.of("types", "type", "type_check", "types_compatible")),
  NULL_HANDLING("null_handling", Set.of("nulls", "null", "required", "null_checks", "completeness")),
  REFERENTIAL_INTEGRITY("referential_integrity", Set.of("references", "foreign_keys", "ref_integrity",
      "relationships")),
  IDENTIFIER_UNIQUENESS("identifier_uniqueness", Set.of("uniqueness", "unique", "identifiers", "primary_keys",
      "keys", "duplicates")),
  ENUM_MEMBERSHIP("enum_membership", Set.of("enums", "enum", "permissible_values", "enumerations")),
  PATTERN("pattern", Set.of("patterns", "regex", "formats")),
  VALUE_RANGE("value_range", Set.of("min_max", "range", "ranges", "bounds", "minimum_value", "maximum_value")),
  JSON_SCHEMA("json_schema", Set.of("jsonschema", "json", "schema", "rows"));

  private final String value;
  private final Set<String> aliases;

  Rule(String value, Set<String> aliases) {
    this.value = value;
    this.aliases = aliases;
  }

  String value() {
    return value;
  }

  /** The rules an input asks for, and the names it gave that are no rule. */
  record Selection(Set<Rule> rules, List<String> unknown) {}

  static Selection select(Object raw) {
    if (!(raw instanceof Collection<?> names) || names.isEmpty()) {
      return new Selection(EnumSet.allOf(Rule.class), List.of());
    }
    Set<Rule> rules = EnumSet.noneOf(Rule.class);
    List<String> unknown = new ArrayList<>();
    for (Object name : names) {
      String n = String.valueOf(name).strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
      Rule match = null;
      for (Rule r : values()) {
        if (r.value.equals(n) || r.aliases.contains(n)) {
          match = r;
        }
      }
      if (match == null) {
        unknown.add(String.valueOf(name));
      } else {
        rules.add(match);
      }
    }
    return new Selection(rules, List.copyOf(unknown));
  }
}
