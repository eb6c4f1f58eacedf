package org.openforge.agent.discovery.requirements;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openforge.agent.discovery.text.Dimensions;
import org.openforge.agent.discovery.text.Feature;
import org.openforge.agent.discovery.text.Moscow;
import org.openforge.agent.discovery.text.Quality;
import org.openforge.agent.discovery.text.Words;

/**
 * Turns a sentence into requirement wording: strips "we need to" and generic verbs ("Build a ...") to get a title,
 * writes the "The solution must ..." statement, names the scope a quality applies to, and computes the content words
 * two statements are compared by when deduplicating.
 */
final class Phrases {

  private static final Pattern MODALITY = Pattern.compile("(?i)^(?:(?:we|i|they|the business|the client|users?"
      + "|the (?:system|solution|platform|tool|application|app))\\s+)?(?:(?:must|shall|should|need to|needs to"
      + "|want to|wants to|would like to|have to|has to|will|can|could|may|would)\\s+(?:also\\s+)?(?:be able to\\s+)?)?"
      + "(?:(?:the )?ability to\\s+|be able to\\s+|able to\\s+)?"
      + "(?:(?:nice[- ]to[- ]have|must[- ]have|should[- ]have|could[- ]have|optional(?:ly)?|ideally|if possible)"
      + "\\s*[:,-]?\\s*)?");
  // "Analysts should be able to drill down ...": who does it, before the modal
  private static final Pattern ACTOR_MODAL = Pattern.compile("(?i)^((?:the\\s+|our\\s+|all\\s+)?(?:[\\w-]+\\s+){0,2}?"
      + "[\\w-]+)\\s+(?:must|shall|should|need to|needs to|want to|wants to|would like to|have to|has to|will|can"
      + "|could|may)\\s+(?:also\\s+)?(?:be able to\\s+)?(?=\\w)");
  private static final Set<String> NOT_ACTORS = Set.of("we", "i", "they", "it", "this", "that", "there", "you",
      "system", "solution", "platform", "tool", "application", "app", "dashboard", "report", "reports", "data",
      "business", "client", "mart", "pipeline", "view", "views");
  // "The CHRO sponsors this work and wants a quarterly summary": what is wanted follows the verb
  private static final Pattern WANTS = Pattern.compile("(?i)^(.*?)\\b(?:wants?|needs?|requires?|would like|asks? for"
      + "|expects?)\\s+(?:to\\s+(?:have|get|see|receive)\\s+|to\\s+)?(?=\\w)");
  private static final Pattern GENERIC_VERB = Pattern.compile("(?i)^(?:build|create|provide|develop|deliver"
      + "|implement|set up|offer|give|make|enable|support|have|produce|add|include|introduce|design|get|put in place"
      + "|establish|launch|roll out)\\s+(?:(?:a|an|the|some|our)\\s+)?");
  // "Give dispatchers and the Head of Logistics a view of ...": the recipients are not the title
  private static final Pattern GIVE_SOMEONE = Pattern.compile("(?i)^(?:give|provide|offer|show)\\s+(?!(?:a|an|the)\\s)"
      + "(?:[\\w-]+\\s+){1,7}?(?:with\\s+)?(?=(?:a|an)\\s)");
  private static final Pattern HEAD_END = Pattern.compile("(?i)\\s*,|\\s+(?=(?:of|to|for|with|by|when|that|which|per"
      + "|across|in|on|showing|including|so|where|from|about|between|whose|if)\\b)");
  private static final Pattern CURRENT_STATE = Pattern.compile("(?i)\\b(currently|today|at present|at the moment"
      + "|right now|nowadays|as-is|existing process|so far)\\b");
  private static final Pattern LEADING_ARTICLE = Pattern.compile("(?i)^(?:a|an|the)\\s+");
  static final Set<String> ACTION_VERBS = Set.of("analyze", "analyse", "track", "generate", "compare", "export",
      "monitor", "forecast", "predict", "alert", "notify", "identify", "segment", "calculate", "show", "display",
      "visualize", "visualise", "report", "flag", "score", "send", "measure", "detect", "list", "highlight", "allow",
      "let", "integrate", "ingest", "combine", "consolidate", "load", "store", "retain", "search", "filter", "drill",
      "rank", "estimate", "schedule", "email", "publish", "share", "download", "refresh", "update", "see", "view",
      "understand", "explore", "reduce", "improve", "increase", "automate", "replace", "migrate", "capture",
      "record", "summarize", "summarise", "break", "aggregate", "deliver", "distribute", "provide",
      "give", "enable", "build", "create", "support", "prioritize", "prioritise", "recommend", "classify",
      "cluster", "benchmark", "audit", "trace", "warn", "escalate", "assign", "plan", "optimize", "optimise");
  private static final Set<String> CAPABILITY_NOUNS = Set.of("capability", "functionality", "feature", "option",
      "function", "module", "facility", "tool", "tooling");
  private static final Set<String> FILLER = Set.of("comprehensive", "capability", "functionality", "feature",
      "ability", "option", "new", "simple", "single", "interactive", "analytics", "solution", "system", "platform",
      "tool", "application", "showing", "show", "display", "displaying", "see", "view", "generate", "build",
      "create", "provide", "develop", "deliver", "implement", "offer", "give", "make", "enable", "support", "have",
      "produce", "add", "include", "user", "data", "detailed", "full", "complete", "easy", "good", "better",
      "various", "different", "key", "main", "basic", "advanced", "modern", "robust");

  private Phrases() {}

  /** Whether a sentence describes how things are today ("currently reconciles in spreadsheets"), not a need. */
  static boolean describesCurrentState(String text) {
    return CURRENT_STATE.matcher(text).find() && Moscow.detect(text).isEmpty();
  }

  /** The sentence without its modality ("We need to", "The system must"). */
  static String withoutModality(String text) {
    Matcher actor = ACTOR_MODAL.matcher(text.strip());
    if (actor.find() && verbInitial(text.strip().substring(actor.end()))) {
      return text.strip().substring(actor.end()).strip();
    }
    return MODALITY.matcher(text.strip()).replaceFirst("").strip();
  }

  /** Who the sentence says does it, if a person ("Analysts should be able to drill down" → "analysts"). */
  static String actor(String text) {
    Matcher actor = ACTOR_MODAL.matcher(text.strip());
    if (!actor.find() || !verbInitial(text.strip().substring(actor.end()))) {
      return null;
    }
    List<String> tokens = Words.tokens(actor.group(1));
    if (tokens.stream().anyMatch(NOT_ACTORS::contains)) {
      return null;
    }
    return Words.decapitalize(actor.group(1).replaceFirst("(?i)^(?:the|our|all)\\s+", ""));
  }

  /** A short title: modality, generic verbs and articles removed; capitalised; no final period. */
  static String title(String text) {
    String t = withoutModality(text);
    Matcher wants = WANTS.matcher(t);
    if (wants.find() && Feature.detect(wants.group(1)).isEmpty()
        && !Feature.detect(t.substring(wants.end())).isEmpty()) {
      t = t.substring(wants.end());
    }
    Matcher recipients = GIVE_SOMEONE.matcher(t);
    if (recipients.find()) {
      t = t.substring(recipients.end());
    }
    t = GENERIC_VERB.matcher(t).replaceFirst("");
    int comma = t.indexOf(',');
    if (comma > 0 && !Feature.detect(t.substring(0, comma)).isEmpty()) {
      t = t.substring(0, comma);
    }
    t = LEADING_ARTICLE.matcher(t).replaceFirst("");
    t = t.replaceAll("[.!?;:,]+$", "").strip();
    return Words.capitalize(t);
  }

  /** Whether a title starts with a verb ("Analyze sales trends"), so the statement needs no "provide". */
  static boolean verbInitial(String title) {
    List<String> tokens = Words.tokens(title);
    if (tokens.isEmpty() || !ACTION_VERBS.contains(tokens.get(0))) {
      return false;
    }
    // "Export capabilities", "Search functionality": a verb used as a noun's modifier; "View of ...": a noun
    return tokens.size() == 1 || !CAPABILITY_NOUNS.contains(Words.singular(tokens.get(tokens.size() - 1)))
        && !Set.of("of", "for", "with", "by", "per", "on", "in", "to", "from").contains(tokens.get(1));
  }

  /** "The solution should let analysts drill down by location." */
  static String statement(String title, Moscow priority, String actor) {
    if (actor == null || !verbInitial(title)) {
      return statement(title, priority);
    }
    return "The solution " + modal(priority) + " let " + actor + " " + Words.decapitalize(title) + ".";
  }

  /** "The solution must analyze sales trends." / "The solution must provide a sales dashboard." */
  static String statement(String title, Moscow priority) {
    String body = Words.decapitalize(title);
    if (!verbInitial(title)) {
      List<String> tokens = Words.tokens(title);
      String article = Words.pluralPhrase(head(title)) || tokens.isEmpty() ? "" : Words.article(tokens.get(0)) + " ";
      body = "provide " + article + body;
    }
    return "The solution " + modal(priority) + " " + body + ".";
  }

  /** The head noun phrase: the words before the first preposition, comma or clause ("Alerts" of "Alerts to ..."). */
  static String head(String title) {
    String[] parts = HEAD_END.split(title, 2);
    return parts[0].isBlank() ? title : parts[0];
  }

  /** The feature the head names (a "Monthly carrier scorecards, exported as PDF" is a scorecard), else the first. */
  static Feature primary(String title, List<Feature> features) {
    List<Feature> inHead = Feature.detect(head(title));
    return !inHead.isEmpty() ? inHead.get(0) : features.isEmpty() ? null : features.get(0);
  }

  static String modal(Moscow priority) {
    return switch (priority) {
      case MUST -> "must";
      case SHOULD -> "should";
      case COULD -> "could";
      case WONT -> "will not (in this release)";
    };
  }

  /**
   * The thing a quality applies to: the noun phrase around the sentence's main feature word ("sales dashboard",
   * "weekly performance reports"), or "the solution".
   */
  static String scope(String text) {
    List<Feature> features = Feature.detect(text);
    for (Feature f : features) {
      if (f == Feature.ANALYSIS || f == Feature.TRACKING || f == Feature.TREND || f == Feature.EXPORT
          || f == Feature.ALERT || f == Feature.SEARCH) {
        continue;
      }
      Matcher word = Pattern.compile("(?i)(?:([\\w-]+)\\s+)?(?:([\\w-]+)\\s+)?("
          + f.words(text).map(Pattern::quote).orElse("\\b\\B") + ")(?:\\s+(views?|pages?|screens?|reports?))?")
          .matcher(text);
      if (word.find()) {
        StringBuilder phrase = new StringBuilder();
        for (int g = 1; g <= 2; g++) {
          String w = word.group(g);
          if (w != null && modifier(w)) {
            phrase.append(w.toLowerCase(Locale.ROOT)).append(' ');
          } else {
            phrase.setLength(0);
          }
        }
        phrase.append(Words.decapitalize(word.group(3)));
        if (word.group(4) != null) {
          phrase.append(' ').append(word.group(4));
        }
        return "the " + phrase;
      }
    }
    return "the solution";
  }

  private static boolean modifier(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return !Words.STOPWORDS.contains(w) && !ACTION_VERBS.contains(w) && !FILLER.contains(w)
        && Quality.detect(w).isEmpty() && !w.chars().anyMatch(Character::isDigit);
  }

  /**
   * The words two statements are compared by: content words, singular, adjectives as their noun ("regional" →
   * "region"), without filler ("comprehensive", "capabilities"), generic verbs and quality words.
   */
  static Set<String> key(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String token : Words.tokens(withoutModality(text))) {
      String t = Dimensions.normalize(token);
      if (Words.STOPWORDS.contains(token) || FILLER.contains(t) || FILLER.contains(token)
          || !Quality.detect(token).isEmpty() || t.chars().anyMatch(Character::isDigit)) {
        continue;
      }
      out.add(t);
    }
    return out;
  }
}
