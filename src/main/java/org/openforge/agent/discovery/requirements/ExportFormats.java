package org.openforge.agent.discovery.requirements;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openforge.agent.discovery.text.Quality;

/**
 * The export-format requirement that comes with an export or a report: the formats the sentence names ("CSV and
 * PDF"), or, for an export with none named, the open question which formats are needed.
 */
final class ExportFormats {

  private static final Pattern FORMAT = Pattern.compile("(?i)\\b(csv|excel|xlsx|xls|pdf|json|parquet|powerpoint"
      + "|pptx|xml|tsv)\\b");
  private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("csv", "CSV"),
      Map.entry("excel", "Excel (XLSX)"), Map.entry("xlsx", "Excel (XLSX)"), Map.entry("xls", "Excel (XLSX)"),
      Map.entry("pdf", "PDF"), Map.entry("json", "JSON"), Map.entry("parquet", "Parquet"),
      Map.entry("powerpoint", "PowerPoint (PPTX)"), Map.entry("pptx", "PowerPoint (PPTX)"), Map.entry("xml", "XML"),
      Map.entry("tsv", "TSV"));

  private ExportFormats() {}

  /** The formats a text names, in order, each once. */
  static List<String> formats(String text) {
    Map<String, Boolean> found = new LinkedHashMap<>();
    Matcher m = FORMAT.matcher(text);
    while (m.find()) {
      found.put(NAMES.get(m.group(1).toLowerCase(Locale.ROOT)), true);
    }
    return new ArrayList<>(found.keySet());
  }

  /** "PDF", "PDF and CSV", "PDF, CSV and JSON". */
  static String joined(List<String> formats) {
    if (formats.size() == 1) {
      return formats.get(0);
    }
    return String.join(", ", formats.subList(0, formats.size() - 1)) + " and " + formats.get(formats.size() - 1);
  }

  static Optional<QualityFinding> find(String text, boolean export, boolean report) {
    List<String> formats = formats(text);
    if (!formats.isEmpty() && (export || report)) {
      String list = String.join(", ", formats);
      String words = joined(formats);
      List<String> criteria = new ArrayList<>();
      for (String f : formats) {
        criteria.add("Given a view or report, when it is " + (export ? "exported" : "delivered") + " as " + f
            + ", then the file opens without errors in its usual tool and holds the same values as the view"
            + (f.equals("CSV") ? " (UTF-8, one header row)" : "") + ".");
      }
      Matcher m = FORMAT.matcher(text);
      m.find();
      return Optional.of(new QualityFinding(Quality.EXPORT_FORMAT, export ? "Export formats" : "Report formats",
          (export ? "offer exports in " : "deliver reports in ") + words,
          new Target("formats", "in", null, null, list, null, false), criteria, List.of(), m.start(), m.end()));
    }
    if (export) {
      return Optional.of(new QualityFinding(Quality.EXPORT_FORMAT, "Export formats",
          "export in the agreed formats", null, List.of(
              "Each agreed export format opens without errors in its usual tool and holds the same values as the"
                  + " view.",
              "Exports up to the agreed row limit complete within the agreed time; larger exports run in the"
                  + " background and are delivered by link."),
          List.of("Which export formats are required (CSV, Excel, PDF), and is there a row limit per export?"),
          -1, -1));
    }
    return Optional.empty();
  }
}
