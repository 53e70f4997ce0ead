package org.chemoadvisor.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.chemoadvisor.facts.DocumentedMuscle;
import org.chemoadvisor.facts.Region;
import org.chemoadvisor.rulepack.Muscle;
import org.chemoadvisor.rulepack.MuscleRegion;
import org.chemoadvisor.rulepack.MuscleTable;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Type;

/**
 * Reads the muscle a {@code bodySite} names (Procedure.bodySite, ServiceRequest.bodySite): the
 * muscle by SNOMED CT code or by name/synonym through the rule pack's muscle table, the side from
 * a SNOMED CT laterality coding in the concept or in a qualifier extension on it, else from the
 * words "left"/"right" in the text or a coding display (a lateralized concept's display).
 * A name the table does not know gives a muscle without region: it is reported, never counted.
 */
public final class BodySiteMuscles {

    public static final String SNOMED = "http://snomed.info/sct";
    /** SNOMED CT qualifier values for laterality: left, right. */
    static final String LEFT = "7771000";
    static final String RIGHT = "24028007";
    private static final Pattern LEFT_WORD = Pattern.compile("\\b(left|lt)\\b");
    private static final Pattern RIGHT_WORD = Pattern.compile("\\b(right|rt)\\b");
    private static final Pattern UPPER_LIMB_WORDS =
            Pattern.compile("\\b(arm|forearm|hand|shoulder|upper (limb|extremity))\\b");
    private static final Pattern LOWER_LIMB_WORDS =
            Pattern.compile("\\b(leg|thigh|foot|hip|ankle|lower (limb|extremity))\\b");
    private static final Pattern NOISE = Pattern.compile("\\b(left|right|lt|rt|structure of|muscle of)\\b");

    private enum Side { LEFT, RIGHT }

    private final MuscleTable table;

    public BodySiteMuscles(MuscleTable table) {
        this.table = table;
    }

    /** The muscles of a resource's bodySite list; {@code path} is the FHIRPath of the list, e.g. "Procedure.bodySite". */
    public List<DocumentedMuscle> read(List<CodeableConcept> bodySites, String path) {
        List<DocumentedMuscle> muscles = new ArrayList<>();
        for (int i = 0; i < bodySites.size(); i++) {
            read(bodySites.get(i), path + "[" + i + "]").ifPresent(muscles::add);
        }
        return muscles;
    }

    /** The muscle one bodySite names, or empty when it names nothing but a side. */
    public Optional<DocumentedMuscle> read(CodeableConcept site, String path) {
        Optional<Muscle> known = byCode(site).or(() -> byText(site));
        Side side = side(site);
        if (known.isPresent()) {
            Muscle muscle = known.get();
            Region region = region(muscle.region(), side);
            if (region.isLimb() || side == null) {
                return Optional.of(new DocumentedMuscle(muscle.id(), muscle.name(), region, path));
            }
            // Trunk and neck codes cover both sides in one code, so the side is part of what is counted:
            // left and right rectus abdominis are two muscles (a limb region already is one side).
            String sideName = side.name().toLowerCase(Locale.ROOT);
            return Optional.of(new DocumentedMuscle(muscle.id() + "-" + sideName,
                    muscle.name() + " (" + sideName + ")", region, path));
        }
        String name = firstName(site);
        if (name == null) {
            return Optional.empty();
        }
        return Optional.of(new DocumentedMuscle(MuscleTable.normalize(name), name, null, path));
    }

    /**
     * The limb a service line names (Claim.item.bodySite): "left arm", "right lower extremity", or a
     * muscle of the limb, with its side. Null when the site names no limb; UNSPECIFIED_LIMB without a side.
     */
    public Region limbOf(CodeableConcept site) {
        if (site == null || site.isEmpty()) {
            return null;
        }
        MuscleRegion region = byCode(site).or(() -> byText(site)).map(Muscle::region).orElse(null);
        for (String text : texts(site)) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (region == null && UPPER_LIMB_WORDS.matcher(lower).find()) {
                region = MuscleRegion.UPPER_LIMB;
            } else if (region == null && LOWER_LIMB_WORDS.matcher(lower).find()) {
                region = MuscleRegion.LOWER_LIMB;
            }
        }
        if (region != MuscleRegion.UPPER_LIMB && region != MuscleRegion.LOWER_LIMB) {
            return null;
        }
        return region(region, side(site));
    }

    private static List<String> texts(CodeableConcept site) {
        List<String> texts = new ArrayList<>();
        if (site.hasText()) {
            texts.add(site.getText());
        }
        site.getCoding().stream().filter(Coding::hasDisplay).forEach(c -> texts.add(c.getDisplay()));
        return texts;
    }

    private Optional<Muscle> byCode(CodeableConcept site) {
        return site.getCoding().stream().filter(c -> SNOMED.equals(c.getSystem()))
                .map(c -> table.bySnomedCode(c.getCode())).flatMap(Optional::stream).findFirst();
    }

    private Optional<Muscle> byText(CodeableConcept site) {
        return texts(site).stream().map(n -> table.byName(withoutSide(n))).flatMap(Optional::stream).findFirst();
    }

    private static String withoutSide(String name) {
        return NOISE.matcher(name.toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    /** The text, else the first display of a coding that is not a laterality; null when there is none. */
    private static String firstName(CodeableConcept site) {
        if (site.hasText() && !withoutSide(site.getText()).isBlank()) {
            return site.getText().trim();
        }
        return site.getCoding().stream().filter(c -> lateralityOf(c) == null && c.hasDisplay())
                .map(Coding::getDisplay).findFirst()
                .or(() -> site.getCoding().stream().filter(c -> lateralityOf(c) == null && c.hasCode())
                        .map(c -> c.getCode()).findFirst())
                .orElse(null);
    }

    private static Side side(CodeableConcept site) {
        for (Coding coding : site.getCoding()) {
            if (lateralityOf(coding) != null) {
                return lateralityOf(coding);
            }
        }
        for (Extension extension : site.getExtension()) {
            Side side = sideOf(extension.getValue());
            if (side != null) {
                return side;
            }
        }
        for (String text : texts(site)) {
            String lower = text.toLowerCase(Locale.ROOT);
            boolean left = LEFT_WORD.matcher(lower).find();
            boolean right = RIGHT_WORD.matcher(lower).find();
            if (left != right) {
                return left ? Side.LEFT : Side.RIGHT;
            }
        }
        return null;
    }

    private static Side sideOf(Type value) {
        if (value instanceof Coding coding) {
            return lateralityOf(coding);
        }
        if (value instanceof CodeableConcept concept) {
            return concept.getCoding().stream().map(BodySiteMuscles::lateralityOf).filter(s -> s != null)
                    .findFirst().orElse(null);
        }
        return null;
    }

    private static Side lateralityOf(Coding coding) {
        if (!SNOMED.equals(coding.getSystem())) {
            return null;
        }
        if (LEFT.equals(coding.getCode())) {
            return Side.LEFT;
        }
        return RIGHT.equals(coding.getCode()) ? Side.RIGHT : null;
    }

    private static Region region(MuscleRegion region, Side side) {
        return switch (region) {
            case TRUNK -> Region.TRUNK;
            case NECK -> Region.NECK;
            case UPPER_LIMB -> side == null ? Region.UNSPECIFIED_LIMB
                    : side == Side.LEFT ? Region.LEFT_UPPER_LIMB : Region.RIGHT_UPPER_LIMB;
            case LOWER_LIMB -> side == null ? Region.UNSPECIFIED_LIMB
                    : side == Side.LEFT ? Region.LEFT_LOWER_LIMB : Region.RIGHT_LOWER_LIMB;
        };
    }
}
