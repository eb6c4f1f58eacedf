package org.openforge.agent.design.model;

import java.util.List;
import org.openforge.agent.discovery.requirements.Metric;

/**
 * A metric requirement bound to the catalog: the fact table it aggregates, its measure (a column or an expression
 * over the fact's columns), each dimension (a column or an entity reached through foreign keys), the date column
 * its grain truncates, and its filters as SQL over those tables.
 */
record MetricBinding(String requirementId, Metric metric, TableGraph.Node fact, Measure measure, List<Dimension> dimensions,
    Attribute time, List<Condition> filters) {

  /** {@code expression} is SQL over the fact's staging columns; {@code aggregation} sum, count or avg. */
  record Measure(String name, String expression, String aggregation, String description, String countKey) {}

  /** A column of a table reached from the fact. */
  record Attribute(TableGraph.Reach reach, String column) {}

  /**
   * A dimension: {@code attribute} a plain column ("billing country"), or an entity's key plus its label
   * ("sales rep" → sales_reps.rep_id and its name), when {@code label} is set.
   */
  record Dimension(String phrase, String name, Attribute attribute, String labelExpression, String why) {}

  /** A filter: SQL over the aliases of the reached tables ({@code {alias:key}} placeholders). */
  record Condition(String phrase, Attribute attribute, String operator, String value) {}
}
