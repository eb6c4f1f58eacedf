package org.openforge.agent.discovery.stakeholder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openforge.agent.discovery.stakeholder.StakeholderLexicon.Head;
import org.openforge.agent.discovery.stakeholder.StakeholderLexicon.Rule;
import org.openforge.agent.discovery.text.Sentence;
import org.openforge.agent.discovery.text.Words;

/** Finds the stakeholders named in sentences, with the cues around them (decision maker, beneficiary). */
final class MentionFinder {

  private static final Pattern ACTOR_BEFORE = Pattern.compile("(?i)\\b(?:for|to|so that|so|help|helps|enable"
      + "|provide|provides|offer|offers|send|sends|notify|notifies|alert|alerts|inform|informs"
      + "|enables|allow|allows|let|lets|give|gives|serve|serves|empower|empowers|with)\\s+(?:the\\s+|our\\s+"
      + "|all\\s+|their\\s+|its\\s+|each\\s+)?$");
  private static final Pattern ACTOR_AFTER = Pattern.compile("(?i)^\\s*(?:can|could|need|needs|want|wants|will"
      + "|would|should|must|use|uses|rely|relies|review|reviews|see|sees|track|tracks|monitor|monitors|compare"
      + "|compares|get|gets|receive|receives|access|accesses|expect|expects|ask|asks|asked|require|requires"
      + "|depend|depends|have|has)\\b(?!\\s+(?:be|been)\\b)");
  private static final Pattern DECISION = Pattern.compile("(?i)\\b(?:approv\\w*|sign(?:s|ed)?[- ]?off|sponsor\\w*"
      + "|owns|owned|funds?|funded|funding|budget\\w*|decid\\w*|decision[- ]?mak\\w*|accountable|mandat\\w*"
      + "|champion\\w*|authori[sz]e\\w*)\\b");
  private static final Pattern SPONSOR_AFTER = Pattern.compile("(?i)^\\s*(?:sponsors|funds|owns|champions"
      + "|is (?:the|our) (?:executive )?sponsor)\\b");
  private static final Pattern SPONSOR_BEFORE = Pattern.compile("(?i)\\b(?:sponsored|funded|owned|championed)\\s+by"
      + "\\s+(?:the\\s+|our\\s+)?$");
  private static final Map<String, String> KEY_WORDS = Map.of("vice", "vp", "president", "vp", "presidents", "vp",
      "representative", "rep", "representatives", "rep", "reps", "rep");
  private static final Set<String> KEY_DROP = Set.of("of", "the", "and", "for");
  private static final int WINDOW = 40;
  // "200 concurrent users" is a load figure, not a stakeholder
  private static final Pattern COUNTED = Pattern.compile("(?i)\\d[\\d,.]*\\s*(?:k|thousand|million)?\\s*"
      + "(?:concurrent|simultaneous|active|named|daily|monthly)?\\s*$");

  private MentionFinder() {}

  static List<Mention> find(List<Sentence> sentences) {
    List<Mention> out = new ArrayList<>();
    for (Sentence s : sentences) {
      out.addAll(find(s));
    }
    return out;
  }

  static List<Mention> find(Sentence sentence) {
    String text = sentence.text();
    List<Hit> hits = new ArrayList<>();
    for (int h = 0; h < StakeholderLexicon.HEADS.size(); h++) {
      Head head = StakeholderLexicon.HEADS.get(h);
      if (!head.probe().matcher(text).find()) {
        continue;
      }
      Matcher m = head.pattern().matcher(text);
      while (m.find()) {
        String qual = m.group("qual").strip();
        String of = m.group("of") == null ? "" : m.group("of").strip();
        if (admissible(head.rule(), qual, of, text, m.start(), m.end())
            && !COUNTED.matcher(text.substring(0, m.start())).find()) {
          hits.add(new Hit(m.start(), m.end(), h, (qual + " " + of).strip().toLowerCase(Locale.ROOT)));
        }
      }
    }
    hits.sort(Comparator.comparingInt(Hit::start).thenComparing(Comparator.comparingInt(Hit::length).reversed())
        .thenComparingInt(Hit::head));
    List<Mention> out = new ArrayList<>();
    int taken = -1;
    for (Hit hit : hits) {
      if (hit.start() < taken) {
        continue;
      }
      taken = hit.end();
      String words = text.substring(hit.start(), hit.end());
      Head head = StakeholderLexicon.HEADS.get(hit.head());
      out.add(new Mention(Words.titleCase(words), key(words), hit.qualifier(),
          head.profile().apply(hit.qualifier()), sentence, decides(text, hit), benefits(text, hit),
          SPONSOR_AFTER.matcher(text.substring(hit.end())).find()
              || SPONSOR_BEFORE.matcher(text.substring(0, hit.start())).find()));
    }
    return out;
  }

  /** Normalised content words of a name, for matching "Sales VP" with "VP of Sales". */
  static Set<String> key(String name) {
    Set<String> key = new TreeSet<>();
    for (String token : Words.tokens(name)) {
      if (!KEY_DROP.contains(token)) {
        key.add(KEY_WORDS.getOrDefault(token, Words.singular(token)));
      }
    }
    return key;
  }

  private static boolean admissible(Rule rule, String qual, String of, String text, int start, int end) {
    return switch (rule) {
      case BARE -> true;
      case QUALIFIED -> !qual.isEmpty() || !of.isEmpty();
      case OF -> !of.isEmpty();
      case ACTOR -> ACTOR_BEFORE.matcher(text.substring(0, start)).find()
          || ACTOR_AFTER.matcher(text.substring(end)).find();
    };
  }

  private static boolean decides(String text, Hit hit) {
    String around = text.substring(Math.max(0, hit.start() - WINDOW), Math.min(text.length(), hit.end() + WINDOW));
    return DECISION.matcher(around).find();
  }

  private static boolean benefits(String text, Hit hit) {
    return ACTOR_BEFORE.matcher(text.substring(0, hit.start())).find()
        || ACTOR_AFTER.matcher(text.substring(hit.end())).find();
  }

  private record Hit(int start, int end, int head, String qualifier) {
    int length() {
      return end - start;
    }
  }
}
