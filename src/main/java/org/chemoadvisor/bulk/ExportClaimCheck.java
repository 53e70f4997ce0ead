package org.chemoadvisor.bulk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.chemoadvisor.claim.ClaimFactsAdapter;
import org.chemoadvisor.claim.ClaimProcedureMuscles;
import org.chemoadvisor.claim.ClaimRecordProcedures;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.DocumentedMuscle;
import org.chemoadvisor.facts.OtherDayService;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.fhir.BodySiteMuscles;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.RuleEngine;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;

/**
 * The coding check of a Claim read by {@link ExportClaimReader}, with the facts the Claim adapter
 * would read from the Bundle {@link ClaimBundles#withRecord} assembles for it, without assembling
 * it: the same entries in the same order (so every expression names the same {@code Bundle.entry}),
 * the same reference resolution (first entry of a {@code Type/id} wins), the same muscles from the
 * Procedures the Claim references and the same record from the patient's other Procedures and
 * claims. A bulk review is rules-only and has no payer settings, so the profile and pack are fixed
 * for the run.
 */
final class ExportClaimCheck {

    /** {@code Bundle.entry[k].resource.code} and {@code .bodySite} for the first entries, made once rather than per claim. */
    private static final String[] CODE_PATHS = paths(".code");
    private static final String[] BODY_SITE_PATHS = paths(".bodySite");

    private final BodySiteMuscles bodySites;
    private final RuleEngine engine;
    private final RulePack pack;
    private final PolicyProfile profile;

    ExportClaimCheck(RuleEngine engine, RulePack pack, PolicyProfile profile) {
        this.bodySites = new BodySiteMuscles(pack.muscles());
        this.engine = engine;
        this.pack = pack;
        this.profile = profile;
    }

    /**
     * Thrown when a line of the patient's other claims has a date HAPI cannot read: the Bundle for the
     * claim cannot be assembled, and the review reports the claim as not checked, as it does on HAPI's path.
     */
    static final class NotCheckable extends RuntimeException {
        NotCheckable(String cause) {
            super(cause, null, false, false);
        }
    }

    List<Finding> check(ExportClaim claim, SupportingResources supporting, OtherClaims otherClaims) {
        Entries entries = Entries.of(claim, supporting, otherClaims);
        CodingFacts facts = new CodingFacts(claim.lines(), claim.diagnoses(),
                ClaimFactsAdapter.commonPlaceOfService(claim.lines()),
                profile, muscles(claim, entries, supporting), claim.professional())
                .withRecord(record(claim, entries, supporting));
        return engine.evaluate(facts, pack);
    }

    private List<DocumentedMuscle> muscles(ExportClaim claim, Entries entries, SupportingResources supporting) {
        List<DocumentedMuscle> muscles = new ArrayList<>();
        Set<Object> read = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int p = 0; p < claim.procedures().size(); p++) {
            ExportClaim.ProcedureEntry entry = claim.procedures().get(p);
            int k = entries.referenced()[p];
            // A line of another claim stands in as a Procedure without bodySite: it documents no muscle.
            if (k >= 0 && entries.list.get(k) instanceof Procedure procedure
                    && ClaimProcedureMuscles.documentsInjection(procedure)
                    && read.add(procedure)) {
                LocalDate day = dateOf(supporting.performedOn(procedure), entry, claim.itemDates());
                String path = path(BODY_SITE_PATHS, k, ".bodySite");
                for (DocumentedMuscle muscle : supporting.muscles(procedure, bodySites)) {
                    muscles.add(new DocumentedMuscle(muscle.muscleId(), muscle.name(), muscle.region(),
                            path + muscle.path(), day));
                }
            }
        }
        return muscles;
    }

    private static String[] paths(String element) {
        return IntStream.range(0, 256).mapToObj(k -> "Bundle.entry[" + k + "].resource" + element)
                .toArray(String[]::new);
    }

    private static String path(String[] cached, int k, String element) {
        return k < cached.length ? cached[k] : "Bundle.entry[" + k + "].resource" + element;
    }

    private static LocalDate dateOf(LocalDate performed, ExportClaim.ProcedureEntry entry,
            Map<Integer, Set<LocalDate>> itemDates) {
        if (performed != null) {
            return performed;
        }
        if (entry.date() != null) {
            return entry.date();
        }
        Set<LocalDate> dates = itemDates.getOrDefault(entry.sequence(), Set.of());
        return dates.size() == 1 ? dates.iterator().next() : null;
    }

    private static List<OtherDayService> record(ExportClaim claim, Entries entries, SupportingResources supporting) {
        Set<Object> referenced = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int k : entries.referenced()) {
            if (k >= 0) {
                referenced.add(entries.list.get(k));
            }
        }
        List<OtherDayService> services = new ArrayList<>();
        for (int k = 1; k < entries.list.size(); k++) {
            Object entry = entries.list.get(k);
            if (referenced.contains(entry)) {
                continue;
            }
            String path = path(CODE_PATHS, k, ".code");
            if (entry instanceof OtherClaims.Line line) {
                if (line.day() != null) {
                    services.add(OtherDayService.fromRecord(line.code().toUpperCase(Locale.ROOT), line.day(), path));
                }
            } else if (entry instanceof Procedure procedure) {
                OtherDayService service = ClaimRecordProcedures.fromProcedure(procedure, claim.patient(),
                        supporting.performedOn(procedure), path);
                if (service != null) {
                    services.add(service);
                }
            }
        }
        return services;
    }

    /**
     * The Bundle's entries (index 0 is the Claim): supporting resources as HAPI resources, lines of the
     * patient's other claims as {@link OtherClaims.Line}; and the entry each of the Claim's procedure
     * references resolves to (-1: none), found once for the muscles and the record.
     */
    private record Entries(List<Object> list, int[] referenced) {

        private static final String LINE_PREFIX = "Procedure/claim-";

        static Entries of(ExportClaim claim, SupportingResources supporting, OtherClaims otherClaims) {
            List<OtherClaims.Line> lines = otherClaims.linesOf(claim.patient());
            List<Procedure> procedures = supporting.proceduresOf(claim.patient());
            List<Object> list = new ArrayList<>(2 + claim.procedures().size() + procedures.size() + lines.size());
            Set<Resource> added = Collections.newSetFromMap(new IdentityHashMap<>(list.size() * 2));
            list.add(claim);
            for (ExportClaim.ProcedureEntry entry : claim.procedures()) {
                add(supporting.find(entry.reference()), added, list);
            }
            for (String coverage : claim.coverages()) {
                add(supporting.find(coverage), added, list);
            }
            add(supporting.find(claim.patient()), added, list);
            for (Procedure procedure : procedures) {
                add(procedure, added, list);
            }
            for (OtherClaims.Line line : lines) {
                if (line.claimId().equals(claim.id())) {
                    continue;
                }
                if (line.unreadable() != null) {
                    throw new NotCheckable(line.unreadable());
                }
                list.add(line);
            }
            int[] referenced = new int[claim.procedures().size()];
            for (int p = 0; p < referenced.length; p++) {
                referenced[p] = indexOf(claim, list, claim.procedures().get(p).reference(), supporting);
            }
            return new Entries(list, referenced);
        }

        /**
         * The first entry whose {@code Type/id} is the reference, as a Bundle resolves it; -1 when none
         * is. A line of another claim is named {@code Procedure/claim-<id>-item-<n>}. A claim references
         * a few of its entries, so a scan costs less than a map of them all.
         */
        private static int indexOf(ExportClaim claim, List<Object> list, String reference,
                SupportingResources supporting) {
            if (reference.equals("Claim/" + claim.id())) {
                return 0;
            }
            boolean namesLine = reference.startsWith(LINE_PREFIX);
            for (int k = 1; k < list.size(); k++) {
                Object entry = list.get(k);
                if (entry instanceof Resource resource ? reference.equals(supporting.referenceOf(resource))
                        : namesLine && entry instanceof OtherClaims.Line line
                        && reference.equals(LINE_PREFIX + line.claimId() + "-item-" + (line.item() + 1))) {
                    return k;
                }
            }
            return -1;
        }

        private static void add(Resource resource, Set<Resource> added, List<Object> list) {
            if (resource != null && added.add(resource)) {
                list.add(resource);
            }
        }
    }
}
