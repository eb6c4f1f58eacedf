package org.openforge.agent.discovery.requirements;

import java.util.List;
import org.openforge.agent.discovery.text.Trace;

/**
 * One requirement of the document.
 *
 * @param type {@code functional} or {@code non_functional}
 * @param category the feature ({@code dashboard}, {@code report}, ...) or quality ({@code freshness}, ...)
 * @param priority MoSCoW: must, should, could, wont
 * @param appliesTo what a non-functional requirement applies to ("the sales dashboard")
 * @param cadence the period a functional requirement works by ("weekly"), if any
 * @param dimensions what it breaks figures down by ("region")
 * @param figures numbers with units the source states ("95%")
 * @param sources every statement it was gathered from, with its input field and exact text
 * @param feedback {@code added} or {@code changed} when the reviewer's feedback added or changed it
 * @param openQuestions ids of the open questions about it
 * @param related ids of the requirements gathered from the same sentence ("Real-time sales dashboard" gives a
 *     dashboard and its latency)
 * @param kind {@code metric} for an analytical ask ("monthly revenue by product category"), else absent
 * @param metric the ask's measure, aggregation, dimensions, grain, filters and ranking, when kind is metric
 */
public record Requirement(String id, String type, String category, String title, String statement, String priority,
    String priorityRationale, String appliesTo, String cadence, List<String> dimensions, List<String> figures,
    Target target, List<String> acceptanceCriteria, List<Trace> sources, String feedback, List<String> notes,
    List<String> openQuestions, List<String> related, String kind, Metric metric) {}
