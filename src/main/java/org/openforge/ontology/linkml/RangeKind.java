package org.openforge.ontology.linkml;

/** What a slot's {@code range} names: a class, an enum, a type (declared or built in), or nothing known. */
public enum RangeKind {
  CLASS, ENUM, TYPE, UNKNOWN
}
