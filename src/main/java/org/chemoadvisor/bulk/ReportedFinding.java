package org.chemoadvisor.bulk;

import java.io.Serializable;

/**
 * One coding finding as a bulk review reports it: a row of findings.csv (with its claim's id, identifier
 * and date of service) and a line of the report.
 *
 * @param element the FHIRPath expressions of the issue, space-separated
 * @param text    what is wrong and how to fix it, as the details text says it
 * @param source  the table and version the finding rests on, as the diagnostics say it
 */
public record ReportedFinding(String ruleId, String severity, String element, String text, String source)
        implements Serializable {
}
