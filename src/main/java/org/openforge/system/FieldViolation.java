package org.openforge.system;

/** One invalid field of a request: {@code {field, message}} in a validation problem. */
public record FieldViolation(String field, String message) {}
