package org.openforge.agent.design.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openforge.agent.discovery.text.Words;

/** The words of a table or column name ("SalesReps" → sales, rep), singular, with the usual synonyms. */
final class Tokens {

  private static final Map<String, Set<String>> SYNONYMS = Map.ofEntries(
      Map.entry("rep", Set.of("representative", "employee", "agent", "salesperson", "seller", "staff")),
      Map.entry("customer", Set.of("client", "buyer", "account")),
      Map.entry("product", Set.of("item", "article", "sku", "track")),
      Map.entry("region", Set.of("territory", "area", "zone")),
      Map.entry("country", Set.of("nation")),
      Map.entry("store", Set.of("shop", "branch", "outlet")),
      Map.entry("category", Set.of("genre", "group", "family", "class")),
      Map.entry("order", Set.of("invoice", "sale", "transaction", "purchase", "basket")),
      Map.entry("supplier", Set.of("vendor")));

  private Tokens() {}

  static List<String> of(String name) {
    String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    for (String w : spaced.split("[^a-z0-9]+")) {
      if (!w.isEmpty()) {
        out.add(Words.singular(w));
      }
    }
    return out;
  }

  /** Whether a name's word stands for the phrase's word (equal, or a listed synonym either way). */
  static boolean means(String nameWord, String phraseWord) {
    if (nameWord.equals(phraseWord)) {
      return true;
    }
    return SYNONYMS.getOrDefault(phraseWord, Set.of()).contains(nameWord)
        || SYNONYMS.getOrDefault(nameWord, Set.of()).contains(phraseWord);
  }

  /** Whether every phrase word is meant by some word of the name. */
  static boolean covers(List<String> name, List<String> phrase) {
    return phrase.stream().allMatch(p -> name.stream().anyMatch(n -> means(n, p)));
  }

  static Set<String> union(List<String> a, List<String> b) {
    Set<String> s = new LinkedHashSet<>(a);
    s.addAll(b);
    return s;
  }
}
