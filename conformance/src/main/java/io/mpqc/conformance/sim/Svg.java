package io.mpqc.conformance.sim;

import io.mpqc.conformance.report.Html;
import java.util.List;
import java.util.Locale;

/** Inline SVG charts for the simulator report: horizontal bars and line plots, no scripts, no external files. */
final class Svg {
    static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
        "#7f7f7f"};

    private Svg() {
    }

    /** One bar per label; NaN values are drawn as "n/a". {@code goal} (NaN for none) is a dashed line. */
    static String bars(String title, List<String> labels, List<Double> values, String unit, double goal) {
        int rowH = 22;
        int left = 150;
        int width = 560;
        int plotW = width - left - 90;
        int height = 30 + rowH * labels.size() + 10;
        double max = Double.isNaN(goal) ? 0 : goal;
        double min = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                max = Math.max(max, v);
                min = Math.min(min, v);
            }
        }
        double span = max - min <= 0 ? 1 : max - min;
        double zeroX = left + plotW * (0 - min) / span;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\" "
                + "role=\"img\" aria-label=\"%s\">", width, height, Html.escape(title)));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" class=\"t\">%s</text>", 4, Html.escape(title)));
        for (int i = 0; i < labels.size(); i++) {
            int y = 28 + i * rowH;
            double v = values.get(i);
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", left - 6,
                    y + 14, Html.escape(labels.get(i))));
            if (Double.isNaN(v)) {
                sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"na\">n/a</text>", zeroX + 4, y + 14));
                continue;
            }
            double x1 = left + plotW * (Math.min(v, 0) - min) / span;
            double w = plotW * Math.abs(v) / span;
            sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>", x1,
                    y + 3, Math.max(w, 0.5), rowH - 6, COLOURS[i % COLOURS.length]));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>", Math.max(x1 + w, zeroX) + 4, y + 14,
                    Html.escape(number(v) + " " + unit)));
        }
        sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"24\" x2=\"%.1f\" y2=\"%d\" stroke=\"#444\"/>", zeroX, zeroX,
                height - 6));
        if (!Double.isNaN(goal)) {
            double gx = left + plotW * (goal - min) / span;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"24\" x2=\"%.1f\" y2=\"%d\" stroke=\"#d62728\" "
                    + "stroke-dasharray=\"4 3\"/><text x=\"%.1f\" y=\"%d\" class=\"goal\">goal %s</text>", gx, gx, height - 6,
                    gx + 3, height - 2, Html.escape(number(goal))));
        }
        return sb.append("</svg>").toString();
    }

    /** A named curve of (x, y) points. */
    record Series(String name, List<double[]> points) {
    }

    /** Line plot of several series on shared axes (starting at 0). */
    static String lines(String title, List<Series> series, String xUnit, String yUnit) {
        int width = 560;
        int height = 300;
        int left = 60;
        int bottom = 40;
        int top = 26;
        int right = 130;
        double maxX = 0;
        double maxY = 0;
        for (Series s : series) {
            for (double[] p : s.points()) {
                maxX = Math.max(maxX, p[0]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        maxX = maxX <= 0 ? 1 : maxX;
        maxY = maxY <= 0 ? 1 : maxY;
        int plotW = width - left - right;
        int plotH = height - top - bottom;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\" "
                + "role=\"img\" aria-label=\"%s\">", width, height, Html.escape(title)));
        sb.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"16\" class=\"t\">%s</text>", Html.escape(title)));
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>",
                left, top, plotW, plotH));
        for (int i = 0; i <= 4; i++) {
            double fx = i / 4.0;
            int x = (int) (left + plotW * fx);
            int y = (int) (top + plotH * (1 - fx));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>", x,
                    height - bottom + 16, number(maxX * fx)));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", left - 4, y + 4,
                    number(maxY * fx)));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>", left + plotW / 2,
                height - 6, Html.escape(xUnit)));
        sb.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\" "
                + "text-anchor=\"middle\">%s</text>", top + plotH / 2, top + plotH / 2, Html.escape(yUnit)));
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            String colour = COLOURS[k % COLOURS.length];
            StringBuilder pts = new StringBuilder();
            for (double[] p : s.points()) {
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + plotW * p[0] / maxX, top + plotH * (1 - p[1] / maxY)));
            }
            sb.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\"/>",
                    colour, pts.toString().trim()));
            int ly = top + 12 + 16 * k;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>", width - right + 8, ly, width - right + 24, ly, colour,
                    width - right + 28, ly + 4, Html.escape(s.name())));
        }
        return sb.append("</svg>").toString();
    }

    static String number(double v) {
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
