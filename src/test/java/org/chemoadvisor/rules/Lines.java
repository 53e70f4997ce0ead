package org.chemoadvisor.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.Diagnosis;
import org.chemoadvisor.facts.DocumentedMuscle;
import org.chemoadvisor.facts.OtherDayService;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.facts.Region;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.facts.SourcePaths;

/**
 * Builds coding facts for rule tests the way a Claim would carry them:
 * {@code Lines.on(MEDICARE).line("64644").line("64645", 1, "50").pos("11").facts()}.
 */
public final class Lines {

    public static final LocalDate DAY = LocalDate.of(2024, 9, 10);

    private final PolicyProfile profile;
    private final List<ServiceLine> lines = new ArrayList<>();
    private final List<Diagnosis> diagnoses = new ArrayList<>();
    private String placeOfService = "11";
    private final List<DocumentedMuscle> muscles = new ArrayList<>();
    private final List<OtherDayService> record = new ArrayList<>();

    private Lines(PolicyProfile profile) {
        this.profile = profile;
    }

    public static Lines on(PolicyProfile profile) {
        return new Lines(profile);
    }

    public Lines line(String code) {
        return line(code, 1);
    }

    public Lines line(String code, int units, String... modifiers) {
        return lineOn(DAY, code, units, modifiers);
    }

    public Lines lineOn(LocalDate date, String code, int units, String... modifiers) {
        int index = lines.size();
        lines.add(new ServiceLine(index, code, Arrays.asList(modifiers), units, date, null, List.of(), null,
                SourcePaths.claimItem(index)));
        return this;
    }

    public Lines pos(String placeOfService) {
        this.placeOfService = placeOfService;
        return this;
    }

    public Lines diagnosis(String icd10) {
        diagnoses.add(new Diagnosis(icd10, "http://hl7.org/fhir/sid/icd-10-cm",
                "Claim.diagnosis[" + diagnoses.size() + "].diagnosisCodeableConcept"));
        return this;
    }

    /** The last line points at these diagnoses (Claim.item.diagnosisSequence). */
    public Lines pointing(String... icd10) {
        ServiceLine last = lines.remove(lines.size() - 1);
        lines.add(new ServiceLine(last.index(), last.code(), last.modifiers(), last.units(), last.date(),
                last.placeOfService(), Arrays.asList(icd10), last.limb(), last.paths(), last.medicationOrder()));
        return this;
    }

    /** Documented muscles of one region, each named by its muscle table id. */
    public Lines muscles(Region region, String... muscleIds) {
        for (String id : muscleIds) {
            muscles.add(new DocumentedMuscle(id, id, region, "Procedure.bodySite[" + muscles.size() + "]"));
        }
        return this;
    }

    /** Documented muscles of one region injected on the given day (null: the source gave no date). */
    public Lines musclesOn(LocalDate date, Region region, String... muscleIds) {
        for (String id : muscleIds) {
            muscles.add(new DocumentedMuscle(id, id, region, "Procedure.bodySite[" + muscles.size() + "]", date));
        }
        return this;
    }

    /** An earlier service from the patient's record (a Procedure performed on that date). */
    public Lines fromRecord(String code, LocalDate date) {
        record.add(OtherDayService.fromRecord(code, date, "Procedure/earlier-" + record.size()));
        return this;
    }

    public CodingFacts facts() {
        return new CodingFacts(lines, diagnoses, placeOfService, profile, muscles, true).withRecord(record);
    }
}
