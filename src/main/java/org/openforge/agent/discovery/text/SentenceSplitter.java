package org.openforge.agent.discovery.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits free text into sentences and bullets. A line ending with a colon ("We need to:") introduces the bullets that
 * follow and is kept as their lead-in rather than as a sentence; wrapped prose lines are joined before splitting.
 */
public final class SentenceSplitter {

  private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*•+·]|\\d{1,2}[.)]|[a-zA-Z][)])\\s+(.*)$");
  private static final Pattern SENTENCE_END =
      Pattern.compile("(?<=[.!?])(?<!\\b\\p{Lu}[.])(?<!\\b(?:e\\.g|i\\.e|etc|vs|approx|incl|no|Mr|Ms|Dr)[.])\\s+"
          + "(?=[\\p{Lu}\\d\"'(])");
  private static final Pattern CLAUSE_END = Pattern.compile(";\\s+");

  private SentenceSplitter() {}

  public static List<Sentence> split(String field, String text) {
    List<String> pieces = new ArrayList<>();
    List<String> leadIns = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return List.of();
    }
    String leadIn = null;
    StringBuilder paragraph = new StringBuilder();
    String bullet = null;
    for (String raw : text.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
      String line = raw.strip();
      Matcher b = BULLET.matcher(line);
      if (line.isEmpty()) {
        bullet = flushBullet(bullet, leadIn, pieces, leadIns);
        flushParagraph(paragraph, pieces, leadIns);
        continue;
      }
      if (b.matches()) {
        flushParagraph(paragraph, pieces, leadIns);
        bullet = flushBullet(bullet, leadIn, pieces, leadIns);
        bullet = b.group(1).strip();
        continue;
      }
      if (bullet != null && Character.isLowerCase(line.charAt(0))) {
        bullet = bullet + " " + line;
        continue;
      }
      bullet = flushBullet(bullet, leadIn, pieces, leadIns);
      if (line.endsWith(":")) {
        // "The team uses spreadsheets. We want:" - earlier sentences are prose, the last one leads in
        List<String> parts = sentences(line.substring(0, line.length() - 1));
        if (parts.isEmpty()) {
          continue;
        }
        if (!paragraph.isEmpty()) {
          paragraph.append(' ');
        }
        paragraph.append(String.join(" ", parts.subList(0, parts.size() - 1)));
        flushParagraph(paragraph, pieces, leadIns);
        leadIn = parts.get(parts.size() - 1);
        continue;
      }
      leadIn = null;
      if (!paragraph.isEmpty()) {
        paragraph.append(' ');
      }
      paragraph.append(line);
    }
    flushBullet(bullet, leadIn, pieces, leadIns);
    flushParagraph(paragraph, pieces, leadIns);

    List<Sentence> out = new ArrayList<>();
    for (int i = 0; i < pieces.size(); i++) {
      out.add(new Sentence(field, out.size(), pieces.get(i), leadIns.get(i)));
    }
    return out;
  }

  private static String flushBullet(String bullet, String leadIn, List<String> pieces, List<String> leadIns) {
    if (bullet != null) {
      for (String s : sentences(bullet)) {
        pieces.add(s);
        leadIns.add(leadIn);
      }
    }
    return null;
  }

  private static void flushParagraph(StringBuilder paragraph, List<String> pieces, List<String> leadIns) {
    if (paragraph.isEmpty()) {
      return;
    }
    for (String s : sentences(paragraph.toString())) {
      pieces.add(s);
      leadIns.add(null);
    }
    paragraph.setLength(0);
  }

  private static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    for (String part : SENTENCE_END.split(text)) {
      for (String clause : CLAUSE_END.split(part)) {
        add(clause, out);
      }
    }
    return out;
  }

  private static void add(String part, List<String> out) {
    String s = part.strip();
    while (s.endsWith(";") || s.endsWith(",")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    if (!s.isEmpty() && s.chars().anyMatch(Character::isLetter)) {
      out.add(s);
    }
  }
}
