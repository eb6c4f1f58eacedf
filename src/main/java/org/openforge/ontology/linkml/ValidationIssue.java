package org.openforge.ontology.linkml;

/**
 * One problem found by {@link SchemaValidator}: its severity, the path of the offending key in the schema document
 * (e.g. {@code classes.Sale.attributes.customer.range}, list items as {@code classes.A.mixins[0]}), and a sentence.
 */
public record ValidationIssue(Severity severity, String path, String message) {

  /** An error at this path. */
  public static ValidationIssue error(String path, String message) {
    return new ValidationIssue(Severity.ERROR, path, message);
  }

  /** A warning at this path. */
  public static ValidationIssue warning(String path, String message) {
    return new ValidationIssue(Severity.WARNING, path, message);
  }

  /** True for an error. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  @Override
  public String toString() {
    return severity + " " + path + ": " + message;
  }
}
