package org.chemoadvisor.rulepack.load;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which tables the rule pack is read from. Each of {@code aoc}, {@code mue}, {@code ptp},
 * {@code mpfs} may point at CMS quarterly files in their published layout; a table left unset is
 * the bundled trimmed copy. {@code file} takes one or more paths (comma-separated or a YAML list:
 * the practitioner PTP edits are published in four parts); a .zip as CMS publishes it is read
 * from its .txt/.csv entry. {@code version} is required with {@code file}: every finding quotes
 * it. {@code title} defaults to the bundled table's title.
 */
@ConfigurationProperties(prefix = "chemo.rulepack")
public record RulePackProperties(TableOverride aoc, TableOverride mue, TableOverride ptp, TableOverride mpfs) {

    public RulePackProperties {
        aoc = aoc == null ? TableOverride.NONE : aoc;
        mue = mue == null ? TableOverride.NONE : mue;
        ptp = ptp == null ? TableOverride.NONE : ptp;
        mpfs = mpfs == null ? TableOverride.NONE : mpfs;
    }

    /** Every table bundled. */
    public static RulePackProperties bundled() {
        return new RulePackProperties(null, null, null, null);
    }

    public record TableOverride(List<String> file, String version, String title) {

        static final TableOverride NONE = new TableOverride(null, null, null);

        public TableOverride {
            file = file == null ? List.of() : file.stream().map(String::trim).filter(f -> !f.isEmpty()).toList();
        }

        public boolean isSet() {
            return !file.isEmpty();
        }
    }
}
