package org.openforge.ontology.linkml;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The types of {@code linkml:types}, always available whether or not a schema imports them, and the prefixes that
 * module declares. {@link #rootOfBase} maps a {@code base} (LinkML's Python base type name) to the built-in type.
 */
public final class BuiltinTypes {

  /** Built-in type name to its {@code uri} CURIE, in the order of {@code linkml:types}. */
  public static final Map<String, String> URIS;

  /** Prefixes declared by {@code linkml:types}; CURIEs using them are always resolvable. */
  public static final Map<String, String> PREFIXES = Map.of(
      "linkml", "https://w3id.org/linkml/",
      "xsd", "http://www.w3.org/2001/XMLSchema#",
      "shex", "http://www.w3.org/ns/shex#",
      "schema", "http://schema.org/");

  private static final Map<String, String> BASES = Map.ofEntries(
      Map.entry("str", "string"), Map.entry("int", "integer"), Map.entry("Bool", "boolean"),
      Map.entry("bool", "boolean"), Map.entry("float", "float"), Map.entry("Decimal", "decimal"),
      Map.entry("XSDTime", "time"), Map.entry("XSDDate", "date"), Map.entry("XSDDateTime", "datetime"),
      Map.entry("URIorCURIE", "uriorcurie"), Map.entry("Curie", "curie"), Map.entry("URI", "uri"),
      Map.entry("NCName", "ncname"), Map.entry("ElementIdentifier", "objectidentifier"),
      Map.entry("NodeIdentifier", "nodeidentifier"));

  static {
    Map<String, String> uris = new LinkedHashMap<>();
    uris.put("string", "xsd:string");
    uris.put("integer", "xsd:integer");
    uris.put("boolean", "xsd:boolean");
    uris.put("float", "xsd:float");
    uris.put("double", "xsd:double");
    uris.put("decimal", "xsd:decimal");
    uris.put("time", "xsd:time");
    uris.put("date", "xsd:date");
    uris.put("datetime", "xsd:dateTime");
    uris.put("date_or_datetime", "linkml:DateOrDatetime");
    uris.put("uriorcurie", "xsd:anyURI");
    uris.put("curie", "xsd:string");
    uris.put("uri", "xsd:anyURI");
    uris.put("ncname", "xsd:string");
    uris.put("objectidentifier", "shex:iri");
    uris.put("nodeidentifier", "shex:nonLiteral");
    uris.put("jsonpointer", "xsd:string");
    uris.put("jsonpath", "xsd:string");
    uris.put("sparqlpath", "xsd:string");
    URIS = java.util.Collections.unmodifiableMap(uris);
  }

  /** Numeric built-in types. */
  public static final Set<String> NUMERIC = Set.of("integer", "float", "double", "decimal");

  private BuiltinTypes() {}

  /** True for a name of {@code linkml:types}. */
  public static boolean isBuiltin(String name) {
    return URIS.containsKey(name);
  }

  /** The built-in type a LinkML {@code base} denotes ({@code str} gives {@code string}), if known. */
  public static Optional<String> rootOfBase(String base) {
    return Optional.ofNullable(base == null ? null : BASES.get(base));
  }
}
