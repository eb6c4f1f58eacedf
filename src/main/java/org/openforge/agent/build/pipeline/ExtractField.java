package org.openforge.agent.build.pipeline;

/**
 * A field the extract of a class produces: a slot or extra field read from a column, or computed by an SQL
 * expression (then {@code step} names the transformation it evaluates; {@code via} the related table an aggregation
 * reads, when it reads one).
 */
public record ExtractField(String name, String column, String expression, String step, String via) {}
