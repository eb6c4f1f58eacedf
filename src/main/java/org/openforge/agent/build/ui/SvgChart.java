package org.openforge.agent.build.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a chart as inline SVG (no scripts, no external files): axes with rounded ticks, a line, area or grouped bar
 * per series in a fixed palette, x labels thinned to fit, and a title per point for hover.
 */
final class SvgChart {

  static final List<String> PALETTE = List.of("#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed", "#0891b2",
      "#db2777", "#65a30d", "#ea580c", "#4f46e5", "#0d9488", "#9333ea");
  private static final int WIDTH = 760;
  private static final int HEIGHT = 320;
  private static final int LEFT = 64;
  private static final int RIGHT = 16;
  private static final int TOP = 16;
  private static final int BOTTOM = 56;

  private SvgChart() {}

  static String draw(String type, List<String> xs, List<ComponentData.Series> series, String label) {
    double max = 0;
    double min = 0;
    for (ComponentData.Series s : series) {
      for (BigDecimal v : s.values()) {
        if (v != null) {
          max = Math.max(max, v.doubleValue());
          min = Math.min(min, v.doubleValue());
        }
      }
    }
    double top = nice(max);
    double bottom = min < 0 ? -nice(-min) : 0;
    if (top == bottom) {
      top = bottom + 1;
    }
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append("\">\n");
    for (int i = 0; i <= 5; i++) {
      double v = bottom + (top - bottom) * i / 5;
      double y = TOP + plotH - (v - bottom) / (top - bottom) * plotH;
      svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
          .append("\" y1=\"").append(Html.coord(y)).append("\" y2=\"").append(Html.coord(y)).append("\"/>")
          .append("<text class=\"tick\" x=\"").append(LEFT - 8).append("\" y=\"").append(Html.coord(y + 4))
          .append("\" text-anchor=\"end\">").append(Html.compact(v)).append("</text>\n");
    }
    int n = xs.size();
    double band = n == 0 ? plotW : plotW / n;
    int every = Math.max(1, (int) Math.ceil(n / 10.0));
    for (int i = 0; i < n; i += every) {
      double x = LEFT + band * i + band / 2;
      svg.append("<text class=\"tick\" x=\"").append(Html.coord(x)).append("\" y=\"").append(HEIGHT - BOTTOM + 18)
          .append("\" text-anchor=\"middle\">").append(Html.escape(xs.get(i))).append("</text>\n");
    }
    svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
        .append(Html.coord(TOP + plotH)).append("\" y2=\"").append(Html.coord(TOP + plotH)).append("\"/>\n");
    for (int si = 0; si < series.size(); si++) {
      ComponentData.Series s = series.get(si);
      String color = PALETTE.get(si % PALETTE.size());
      if (type.equals("bar")) {
        double width = band * 0.8 / series.size();
        for (int i = 0; i < n; i++) {
          BigDecimal v = s.values().get(i);
          if (v == null) {
            continue;
          }
          double x = LEFT + band * i + band * 0.1 + width * si;
          double y0 = TOP + plotH - (0 - bottom) / (top - bottom) * plotH;
          double y1 = TOP + plotH - (v.doubleValue() - bottom) / (top - bottom) * plotH;
          svg.append("<rect x=\"").append(Html.coord(x)).append("\" y=\"").append(Html.coord(Math.min(y0, y1)))
              .append("\" width=\"").append(Html.coord(Math.max(0.5, width))).append("\" height=\"")
              .append(Html.coord(Math.abs(y0 - y1))).append("\" fill=\"").append(color).append("\"><title>")
              .append(Html.escape(s.name() + " · " + xs.get(i) + ": " + Html.number(v))).append("</title></rect>\n");
        }
        continue;
      }
      List<List<double[]>> segments = new ArrayList<>();
      List<double[]> points = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        BigDecimal v = s.values().get(i);
        if (v == null) {
          if (!points.isEmpty()) {
            segments.add(points);
            points = new ArrayList<>();
          }
          continue;
        }
        points.add(new double[] {LEFT + band * i + band / 2,
            TOP + plotH - (v.doubleValue() - bottom) / (top - bottom) * plotH});
      }
      if (!points.isEmpty()) {
        segments.add(points);
      }
      double base = TOP + plotH - (0 - bottom) / (top - bottom) * plotH;
      for (List<double[]> segment : segments) {
        String line = line(segment);
        if (type.equals("area")) {
          svg.append("<path d=\"").append(line).append(" L ").append(Html.coord(segment.get(segment.size() - 1)[0]))
              .append(' ').append(Html.coord(base)).append(" L ").append(Html.coord(segment.get(0)[0])).append(' ')
              .append(Html.coord(base)).append(" Z\" fill=\"").append(color)
              .append("\" fill-opacity=\"0.15\" stroke=\"none\"/>\n");
        }
        svg.append("<path d=\"").append(line).append("\" fill=\"none\" stroke=\"").append(color)
            .append("\" stroke-width=\"2\"><title>").append(Html.escape(s.name())).append("</title></path>\n");
      }
    }
    svg.append("</svg>");
    return svg.toString();
  }

  /** The path through consecutive points. */
  private static String line(List<double[]> points) {
    StringBuilder d = new StringBuilder();
    for (int i = 0; i < points.size(); i++) {
      d.append(i == 0 ? "M " : " L ").append(Html.coord(points.get(i)[0])).append(' ')
          .append(Html.coord(points.get(i)[1]));
    }
    return d.toString();
  }

  /** A round number at or above the value: 1, 2, 2.5, 5 or 10 times a power of ten. */
  static double nice(double value) {
    if (value <= 0) {
      return 0;
    }
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * power >= value) {
        return m * power;
      }
    }
    return 10 * power;
  }
}
