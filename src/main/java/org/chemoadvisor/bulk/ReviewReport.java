package org.chemoadvisor.bulk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * report.html: one self-contained page for a billing manager (styles and SVG charts inline,
 * nothing loaded from anywhere): totals, findings by rule and by month of service, then the claims
 * with errors first, each finding with its fix.
 */
public final class ReviewReport {

    /** Claims with findings the report lists in full; the rest are counted. */
    public static final int CLAIMS_LISTED = 500;

    private ReviewReport() {
    }

    static void write(Path file, ReviewSummary summary, List<String> inputs, long millis) throws IOException {
        Files.writeString(file, html(summary, inputs, millis), StandardCharsets.UTF_8);
    }

    /** The page, for {@code inputs} reviewed in {@code millis}; its listed claims sorted errors first, then by id. */
    public static String html(ReviewSummary summary, List<String> inputs, long millis) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Chemodenervation claim review")
                .append("</title><style>").append(STYLE).append("</style></head><body><h1>Chemodenervation claim review</h1>")
                .append("<p class=\"muted\">").append(escape(String.join(", ", inputs))).append(" &middot; ")
                .append(String.format("%.1f", millis / 1000.0)).append(" s</p><div class=\"totals\">")
                .append(total("claims reviewed", summary.claims()))
                .append(total("claims with errors", summary.claimsWithErrors()))
                .append(total("findings", summary.findingsByRule().values().stream().mapToLong(Long::longValue).sum()))
                .append(total("unreadable lines", summary.unreadable())).append("</div>")
                .append("<h2>Findings by rule</h2>").append(bars(new TreeMap<>(summary.findingsByRule())))
                .append("<h2>Findings by month of service</h2>").append(bars(new TreeMap<>(summary.findingsByMonth())))
                .append("<h2>Claims with findings</h2>");
        if (summary.notListed() > 0) {
            html.append("<p class=\"muted\">").append(summary.listed().size())
                    .append(" claims with findings, errors first; ").append(summary.notListed())
                    .append(" more claims with findings are in the findings files only.</p>");
        }
        // A Claim need not have an id: those come first among their kind, as Spark orders a null first.
        summary.listed().stream().sorted(Comparator.comparing((ReviewSummary.Listed c) -> !c.error())
                .thenComparing(ReviewSummary.Listed::id, Comparator.nullsFirst(Comparator.naturalOrder())))
                .forEach(claim -> html.append(claim(claim)));
        return html.append("</body></html>\n").toString();
    }

    private static String total(String label, long value) {
        return "<div class=\"total\"><b>" + value + "</b><span>" + label + "</span></div>";
    }

    private static String bars(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "<p class=\"muted\">None.</p>";
        }
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
        int row = 22;
        StringBuilder svg = new StringBuilder("<svg class=\"chart\" width=\"720\" height=\"" + (counts.size() * row + 4)
                + "\" role=\"img\">");
        int y = 0;
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            long width = Math.max(1, Math.round(520.0 * entry.getValue() / max));
            svg.append("<text x=\"0\" y=\"").append(y + 15).append("\">").append(escape(entry.getKey())).append("</text>")
                    .append("<rect x=\"110\" y=\"").append(y + 3).append("\" height=\"16\" width=\"").append(width)
                    .append("\"/><text x=\"").append(116 + width).append("\" y=\"").append(y + 15).append("\">")
                    .append(entry.getValue()).append("</text>");
            y += row;
        }
        return svg.append("</svg>").toString();
    }

    private static String claim(ReviewSummary.Listed claim) {
        StringBuilder html = new StringBuilder("<section class=\"claim").append(claim.error() ? " error" : "")
                .append("\"><h3>Claim ").append(escape(claim.id()))
                .append(claim.identifier() == null ? "" : " (" + escape(claim.identifier()) + ")")
                .append(" <span class=\"muted\">").append(escape(claim.dateOfService())).append("</span></h3><ul>");
        for (ReportedFinding finding : claim.findings()) {
            html.append("<li><b class=\"").append(escape(finding.severity())).append("\">").append(escape(finding.ruleId()))
                    .append(" ").append(escape(finding.severity())).append("</b> ").append(escape(finding.text()))
                    .append(" <code>").append(escape(finding.element())).append("</code> <span class=\"muted\">")
                    .append(escape(finding.source())).append("</span></li>");
        }
        return html.append("</ul></section>").toString();
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static final String STYLE = "body{font:14px/1.45 system-ui,sans-serif;margin:1.5rem auto;max-width:1000px;"
            + "color:#1f2328}h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem}.muted{color:#57606a}"
            + ".totals{display:flex;gap:1rem}.total{border:1px solid #d0d7de;border-radius:6px;padding:.6rem 1rem}"
            + ".total b{display:block;font-size:1.5rem}.chart text{font-size:12px;fill:#1f2328}.chart rect{fill:#0969da}"
            + ".claim{border:1px solid #d0d7de;border-left:6px solid #9a6700;border-radius:6px;padding:.2rem .9rem;"
            + "margin:.6rem 0}.claim.error{border-left-color:#b3261e}.claim h3{font-size:1rem}b.error{color:#b3261e}"
            + "b.warning{color:#9a6700}b.information{color:#1f5fa8}code{font-size:12px}";
}
