package org.openforge.agent.build.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** HTML escaping and the number formats of the preview (the same whatever the server's locale). */
final class Html {

  private Html() {}

  static String escape(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** 1,234,567.89 */
  static String number(BigDecimal value) {
    if (value == null) {
      return "—";
    }
    DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(value);
  }

  /** 1.2k, 3.4M: axis labels. */
  static String compact(double value) {
    double abs = Math.abs(value);
    DecimalFormat f = new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ROOT));
    f.setRoundingMode(RoundingMode.HALF_UP);
    if (abs >= 1_000_000_000) {
      return f.format(value / 1_000_000_000) + "B";
    }
    if (abs >= 1_000_000) {
      return f.format(value / 1_000_000) + "M";
    }
    if (abs >= 1_000) {
      return f.format(value / 1_000) + "k";
    }
    return f.format(value);
  }

  /** A coordinate with one decimal. */
  static String coord(double value) {
    DecimalFormat f = new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ROOT));
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(value);
  }
}
