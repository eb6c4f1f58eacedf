package org.openforge.ontology.linkml;

/**
 * One difference between two versions of a schema, for reviewers: {@code name} is the element ({@code Sale},
 * {@code Sale.amount}, {@code Status.PENDING}, {@code schema}), {@code summary} a short sentence, and
 * {@code breaking} tells whether data or consumers valid for the old version may fail with the new one.
 */
public record SchemaChange(String name, String summary, boolean breaking, Kind kind, Element element) {

  /** Whether the element was added, removed or changed. */
  public enum Kind {
    ADDED, REMOVED, CHANGED
  }

  /** What kind of element changed ({@code SLOT} is a slot as a class sees it). */
  public enum Element {
    SCHEMA, TYPE, ENUM, PERMISSIBLE_VALUE, CLASS, SLOT
  }
}
