package org.openforge.agent.discovery.requirements;

/**
 * The measurable target of a non-functional requirement: "max_data_age <= 24 hours".
 *
 * @param value the number in {@code unit}, null when the target is not a number (a list of formats, "24/7")
 * @param iso the ISO-8601 duration of a time target (PT24H), else null
 * @param assumed true when the text gave no figure and this one is a stated assumption to confirm
 */
public record Target(String metric, String comparator, Double value, String unit, String display, String iso,
    boolean assumed) {}
