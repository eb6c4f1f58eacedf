package org.openforge.agent.discovery.requirements;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openforge.agent.discovery.text.Quality;
import org.openforge.agent.discovery.text.Quantity;
import org.openforge.agent.discovery.text.QuantityExtractor;

/**
 * Volume and scale: "10 million rows", "50,000 shipments per day", "500 GB", "200 concurrent users", "20% annual
 * growth"; "scalable" alone is an open question.
 */
final class ScalabilityDetector implements QualityDetector {

  private static final List<String> RECORD_NOUNS = List.of("row", "record", "transaction", "event", "order",
      "shipment", "delivery", "customer", "account", "message", "request", "query", "invoice", "claim", "visit",
      "session", "file", "policy", "member", "patient");
  private static final Pattern RATE = Pattern.compile("(?i)^\\s*(?:per|a|each|every)\\s+(day|hour|month|week|year"
      + "|minute|second)\\b|^\\s*(daily|monthly|weekly|yearly|hourly)\\b");
  private static final Pattern GROWTH = Pattern.compile("(?i)\\b(\\d+(?:\\.\\d+)?)\\s*%\\s+(?:(?:annual|yearly"
      + "|monthly|year-over-year)\\s+)?growth|\\bgrow(?:s|ing)?\\s+(?:by\\s+)?(\\d+(?:\\.\\d+)?)\\s*%");
  private static final Pattern VAGUE = Pattern.compile("(?i)\\b(scal(?:e|able|ability|ing)|large volumes?"
      + "|high volumes?|big data|growing)\\b");

  private static String lastWord(String unit) {
    return unit.substring(unit.lastIndexOf(' ') + 1);
  }

  @Override
  public List<QualityFinding> detect(String text) {
    List<QualityFinding> out = new ArrayList<>();
    for (Quantity q : QuantityExtractor.extract(text)) {
      int at = text.indexOf(q.text());
      int end = at + q.text().length();
      if (q.kind() == Quantity.Kind.COUNT && q.unit().endsWith("user") && q.value() >= 10) {
        String users = q.display();
        out.add(new QualityFinding(Quality.SCALABILITY, "Concurrent users", "serve " + users,
            new Target("users", ">=", q.value(), q.unit(), "≥ " + users, null, false), List.of(
                "Given " + users + " active at the same time, when they use {scope}, then response times meet the"
                    + " performance target and no request fails.",
                "A load test with " + users + " passes before go-live."),
            List.of(), at, end));
      } else if (q.kind() == Quantity.Kind.SIZE
          || q.kind() == Quantity.Kind.COUNT && RECORD_NOUNS.contains(lastWord(q.unit())) && q.value() >= 1000) {
        Matcher rate = RATE.matcher(text.substring(end));
        String per = "";
        if (rate.find()) {
          per = rate.group(1) != null ? " per " + rate.group(1).toLowerCase() : " " + rate.group(2).toLowerCase();
          end += rate.end();
        }
        String volume = q.display() + per;
        out.add(new QualityFinding(Quality.SCALABILITY, "Data volume", "handle " + volume,
            new Target("data_volume", ">=", q.value(), q.unit() + per, "≥ " + volume, null, false), List.of(
                "Given " + volume + " in the sources, when the scheduled load runs, then it completes within its"
                    + " load window and {scope} meets its response-time target.",
                "A test with " + volume + " (and the expected growth) passes before go-live."),
            List.of("What is the load window for " + volume + ", and what growth should {scope} be sized for?"),
            at, end));
      }
    }
    Matcher growth = GROWTH.matcher(text);
    if (growth.find()) {
      String rate = growth.group(1) != null ? growth.group(1) : growth.group(2);
      out.add(new QualityFinding(Quality.SCALABILITY, "Growth", "absorb " + rate + "% growth",
          new Target("growth_rate", ">=", Double.parseDouble(rate), "percent", "≥ " + rate + "%", null, false),
          List.of("With data volume projected at " + rate + "% growth for three years, the load and {scope} still"
              + " meet their targets (verified by a test on projected volume)."), List.of(), growth.start(),
          growth.end()));
    }
    Matcher vague = VAGUE.matcher(text);
    if (out.isEmpty() && vague.find()) {
      out.add(new QualityFinding(Quality.SCALABILITY, "Data volume", "scale with the data (volume to agree)", null,
          List.of("A test at the agreed volume passes before go-live."),
          List.of("What data volume, growth and number of users must {scope} support ('" + vague.group(1)
              + "' gives no figure)?"), vague.start(), vague.end()));
    }
    return out;
  }
}
