package org.openforge.ontology.linkml;

/** A LinkML document that cannot be read: bad YAML, a value of the wrong shape (the message names its path), or an
 * import that cannot be found. */
public class SchemaParseException extends RuntimeException {

  public SchemaParseException(String message) {
    super(message);
  }

  public SchemaParseException(String message, Throwable cause) {
    super(message, cause);
  }
}
