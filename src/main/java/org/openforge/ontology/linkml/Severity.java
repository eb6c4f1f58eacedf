package org.openforge.ontology.linkml;

/** How bad a {@link ValidationIssue} is: an {@code ERROR} makes the schema unusable, a {@code WARNING} is advice. */
public enum Severity {
  ERROR, WARNING
}
