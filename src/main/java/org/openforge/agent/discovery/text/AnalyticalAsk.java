package org.openforge.agent.discovery.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The analytical ask of a sentence, in the shapes a BI user writes them: a measure ("revenue", "number of orders",
 * "average basket", "customer lifetime value"), its aggregation, dimensions ("by product category", "per sales
 * rep", "for each genre"), a time grain ("monthly", "per quarter", "year over year"), filters ("in 2024", "for
 * active customers"), a ranking ("top 10 customers") and whether periods without activity show as zero. A sentence
 * is an ask only when it names a measure and something that shapes it (a dimension, grain, ranking or an explicit
 * aggregation): "a sales analytics dashboard" names no ask.
 *
 * @param measure the measure's canonical name ({@code revenue}, {@code order_count}, {@code lifetime_value}, ...)
 * @param aggregation {@code sum}, {@code count}, {@code count_distinct}, {@code avg}, {@code avg_per_order}, {@code
 *     rate}
 * @param measurePhrase the words of the sentence that named the measure
 * @param dimensions noun phrases, singular ("product category", "sales rep")
 * @param grain {@code day}, {@code week}, {@code month}, {@code quarter}, {@code year}, or null
 * @param comparison {@code period_over_period} for "year over year" and the like, else null
 */
public record AnalyticalAsk(String measure, String aggregation, String measurePhrase, List<String> dimensions,
    String grain, List<Filter> filters, Ranking ranking, boolean zeroFill, String comparison) {

  /** A filter: {@code year} (value "2024"), {@code recent} ("12 months"), {@code flag} ("active" of a subject). */
  public record Filter(String kind, String value, String subject, String phrase) {}

  /** "top 10 customers": direction {@code desc}, limit 10, subject "customer". */
  public record Ranking(String direction, int limit, String subject) {}

  private record Measure(Pattern pattern, String name, String aggregation, String implicitDimension) {}

  private static final String WORD = "[a-z][a-z-]*";
  private static final List<Measure> MEASURES = List.of(
      measure("(?:customer\\s+)?(?:life[- ]?time value|clv|ltv)", "lifetime_value", "sum", "customer"),
      measure("average (?:basket(?: size| value)?|order value|order size|ticket(?: size)?)|aov|basket size",
          "average_order_value", "avg_per_order", null),
      measure("churn(?: rate)?", "churn", "rate", null),
      measure("(?:number|count|total number) of (?:distinct |unique )?(" + WORD + ")", "{1}_count", "count", null),
      measure("(" + WORD + ") counts?", "{1}_count", "count", null),
      measure("(?:unique|distinct) (" + WORD + ")", "{1}_count", "count_distinct", null),
      measure("(?:average|mean|avg) (" + WORD + ")", "average_{1}", "avg", null),
      measure("(?:gross |net |total )?(?:revenue|sales|turnover|income|takings)(?: amount)?", "revenue", "sum",
          null),
      measure("(?:gross )?(?:profit|margin)", "margin", "sum", null),
      measure("units sold|quantit(?:y|ies)(?: sold)?|units|volume", "quantity", "sum", null),
      measure("orders", "order_count", "count", null),
      measure("(?:total|sum) (?:of )?(" + WORD + ")", "{1}", "sum", null));
  private static final Pattern BREAKDOWN = Pattern.compile("(?i)\\b(?:by|per|for each|for every|across(?: all)?"
      + "|broken down by|split by|grouped by|segmented by|sliced by)\\s+(?:the |each |all |every |individual"
      + " |their )?");
  private static final Set<String> STOP = Set.of("and", "or", "with", "in", "for", "over", "from", "during", "on",
      "at", "to", "that", "which", "refreshed", "updated", "including", "where", "per", "by", "as", "is", "are",
      "should", "must", "the", "a", "an", "so", "of", "within", "than", "across", "showing", "shown", "sorted",
      "ranked", "compared", "versus", "vs", "since", "until", "each", "every", "only", "using");
  private static final Pattern GRAIN_WORD = Pattern.compile("(?i)\\b(daily|weekly|monthly|quarterly|yearly"
      + "|annual(?:ly)?|(?:per|by|each|every) (day|week|month|quarter|year))\\b");
  private static final Pattern OVER = Pattern.compile("(?i)\\b(day|week|month|quarter|year)[- ]over[- ]"
      + "(?:day|week|month|quarter|year)\\b|\\b(yoy|mom|qoq)\\b");
  private static final Pattern YEAR = Pattern.compile("(?i)\\b(?:in|for|during) (?:the year )?((?:19|20)\\d{2})\\b");
  private static final Pattern RECENT = Pattern.compile("(?i)\\b(?:last|past|previous) (\\d+) (days?|weeks?"
      + "|months?|quarters?|years?)\\b");
  private static final Pattern FLAG = Pattern.compile("(?i)\\b(?:for |of |among )?(active|current|open"
      + "|inactive|closed|cancell?ed|returning|new) (" + WORD + ") only\\b|\\b(?:for|of|among) (active|current"
      + "|open|inactive|closed|cancell?ed|returning|new) (" + WORD + ")\\b");
  private static final Pattern RANK = Pattern.compile("(?i)\\b(top|bottom|best|worst|largest|smallest|highest"
      + "|lowest) (\\d+) (" + WORD + "(?: " + WORD + ")?)");
  private static final Pattern ZERO = Pattern.compile("(?i)\\b(?:(?:periods?|days?|weeks?|months?|quarters?"
      + "|years?) (?:without|with no) (?:activity|sales|data|orders|revenue)|as zeros?|with zeros?"
      + "|zero[- ]filled|no gaps|empty (?:periods|months|weeks|days) included|including empty)\\b");
  private static final Set<String> TIME = Set.of("day", "week", "month", "quarter", "year", "date", "period");

  private static final Pattern CLAUSE = Pattern.compile("(?i)\\s*(?:,|;|\\band\\b|\\bas well as\\b|\\bplus\\b)\\s*");

  /**
   * Every ask of a sentence: "monthly revenue by category, revenue by country and revenue per sales rep" is three.
   * The sentence is cut at commas and "and"; a piece that is no ask on its own ("channel" in "revenue by region and
   * channel") stays with the piece before it.
   */
  public static List<AnalyticalAsk> findAll(String sentence) {
    if (sentence == null) {
      return List.of();
    }
    List<String> clauses = new ArrayList<>();
    Matcher cut = CLAUSE.matcher(sentence);
    int start = 0;
    int pieceStart = 0;
    while (true) {
      boolean more = cut.find();
      int pieceEnd = more ? cut.start() : sentence.length();
      if (pieceStart > start && find(sentence.substring(pieceStart, pieceEnd)).isPresent()
          && find(sentence.substring(start, pieceStart)).isPresent()) {
        clauses.add(sentence.substring(start, pieceStart));
        start = pieceStart;
      }
      if (!more) {
        break;
      }
      pieceStart = cut.end();
    }
    clauses.add(sentence.substring(start));
    List<AnalyticalAsk> out = new ArrayList<>();
    for (String c : clauses) {
      find(c).filter(a -> !out.contains(a)).ifPresent(out::add);
    }
    return out;
  }

  public static Optional<AnalyticalAsk> find(String sentence) {
    if (sentence == null || sentence.isBlank()) {
      return Optional.empty();
    }
    String text = sentence.toLowerCase(Locale.ROOT);
    String grain = grain(text);
    String comparison = null;
    Matcher over = OVER.matcher(text);
    if (over.find()) {
      comparison = "period_over_period";
      String unit = over.group(1) != null ? over.group(1) : switch (over.group(2)) {
        case "mom" -> "month";
        case "qoq" -> "quarter";
        default -> "year";
      };
      grain = grain == null ? unit : grain;
    }
    Ranking ranking = null;
    Matcher rank = RANK.matcher(text);
    String masked = text;
    if (rank.find()) {
      String direction = Set.of("top", "best", "largest", "highest").contains(rank.group(1)) ? "desc" : "asc";
      String subject = rank.group(3);
      String[] words = subject.split(" ");
      if (words.length > 1 && STOP.contains(words[1])) {
        subject = words[0];
      }
      ranking = new Ranking(direction, Integer.parseInt(rank.group(2)), phrase(subject));
      masked = blank(masked, rank.start(), rank.start(3) + subject.length());
    }
    List<String> dimensions = new ArrayList<>();
    List<int[]> spans = new ArrayList<>();
    Matcher by = BREAKDOWN.matcher(masked);
    while (by.find()) {
      int end = nounPhrases(masked, by.end(), dimensions);
      spans.add(new int[] {by.start(), end});
    }
    for (int i = spans.size() - 1; i >= 0; i--) {
      masked = blank(masked, spans.get(i)[0], spans.get(i)[1]);
    }
    List<String> timeWords = dimensions.stream().filter(TIME::contains).toList();
    if (grain == null && !timeWords.isEmpty() && !timeWords.get(0).equals("date")
        && !timeWords.get(0).equals("period")) {
      grain = timeWords.get(0);
    }
    dimensions.removeAll(TIME);
    Measure found = null;
    Matcher m = null;
    for (Measure candidate : MEASURES) {
      Matcher mm = candidate.pattern().matcher(masked);
      if (mm.find() && (m == null || mm.start() < m.start())) {
        found = candidate;
        m = mm;
      }
    }
    // "top 10 customers by revenue": the breakdown named the measure
    for (String d : List.copyOf(dimensions)) {
      if (found == null || ranking != null) {
        for (Measure candidate : MEASURES) {
          Matcher mm = candidate.pattern().matcher(d);
          if (mm.matches() && candidate.name().indexOf('{') < 0) {
            found = candidate;
            m = mm;
            dimensions.remove(d);
            break;
          }
        }
      }
    }
    if (found == null) {
      return Optional.empty();
    }
    String name = found.name();
    if (m.groupCount() > 0 && m.group(1) != null) {
      String subject = Words.singular(m.group(1));
      if (TIME.contains(subject) || STOP.contains(subject) || Words.STOPWORDS.contains(subject)) {
        return Optional.empty();
      }
      name = name.replace("{1}", subject);
    }
    if (ranking != null && !dimensions.contains(ranking.subject())) {
      dimensions.add(0, ranking.subject());
    }
    if (found.implicitDimension() != null && !dimensions.contains(found.implicitDimension())) {
      dimensions.add(0, found.implicitDimension());
    }
    List<Filter> filters = filters(text);
    boolean explicit = !"sum".equals(found.aggregation()) || found.implicitDimension() != null;
    if (dimensions.isEmpty() && grain == null && ranking == null && !explicit) {
      return Optional.empty();
    }
    return Optional.of(new AnalyticalAsk(name, found.aggregation(), m.group().trim(), List.copyOf(dimensions), grain,
        filters, ranking, ZERO.matcher(text).find(), comparison));
  }

  private static Measure measure(String regex, String name, String aggregation, String implicit) {
    return new Measure(Pattern.compile("\\b(?:" + regex + ")\\b"), name, aggregation, implicit);
  }

  private static String grain(String text) {
    Matcher g = GRAIN_WORD.matcher(text);
    if (!g.find()) {
      return null;
    }
    if (g.group(2) != null) {
      return g.group(2).toLowerCase(Locale.ROOT);
    }
    return switch (g.group(1).toLowerCase(Locale.ROOT)) {
      case "daily" -> "day";
      case "weekly" -> "week";
      case "monthly" -> "month";
      case "quarterly" -> "quarter";
      default -> "year";
    };
  }

  /** Reads "product category and billing country" from {@code at}; returns where the phrases end. */
  private static int nounPhrases(String text, int at, List<String> out) {
    int pos = at;
    while (true) {
      Matcher w = Pattern.compile("\\G(" + WORD + ")(?:\\s+|(?=[,;.:)!?])|$)").matcher(text);
      List<String> words = new ArrayList<>();
      int end = pos;
      while (words.size() < 3 && w.find(end) && !STOP.contains(w.group(1))) {
        words.add(w.group(1));
        end = w.end();
        if (w.hitEnd()) {
          break;
        }
      }
      if (words.isEmpty()) {
        return pos;
      }
      String phrase = phrase(String.join(" ", words));
      if (!out.contains(phrase)) {
        out.add(phrase);
      }
      Matcher and = Pattern.compile("\\G\\s*(?:,|and|&|/)\\s*(?:by\\s+|per\\s+)?").matcher(text);
      if (!and.find(end) || and.end() >= text.length() || !Character.isLetter(text.charAt(and.end()))) {
        return end;
      }
      pos = and.end();
    }
  }

  private static List<Filter> filters(String text) {
    List<Filter> out = new ArrayList<>();
    Matcher y = YEAR.matcher(text);
    while (y.find()) {
      out.add(new Filter("year", y.group(1), null, y.group().trim()));
    }
    Matcher r = RECENT.matcher(text);
    while (r.find()) {
      out.add(new Filter("recent", r.group(1) + " " + Words.singular(r.group(2)), null, r.group().trim()));
    }
    Matcher f = FLAG.matcher(text);
    while (f.find()) {
      String flag = f.group(1) != null ? f.group(1) : f.group(3);
      String subject = f.group(2) != null ? f.group(2) : f.group(4);
      out.add(new Filter("flag", flag, Words.singular(subject), f.group().trim()));
    }
    return out;
  }

  /** A noun phrase, its last word singular: "product categories" → "product category". */
  private static String phrase(String words) {
    String[] parts = words.trim().split("\\s+");
    parts[parts.length - 1] = Words.singular(parts[parts.length - 1]);
    return String.join(" ", parts);
  }

  private static String blank(String text, int start, int end) {
    return text.substring(0, start) + " ".repeat(end - start) + text.substring(end);
  }
}
