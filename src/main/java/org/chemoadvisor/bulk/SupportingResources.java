package org.chemoadvisor.bulk;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.chemoadvisor.claim.ClaimProcedureMuscles;
import org.chemoadvisor.facts.DocumentedMuscle;
import org.chemoadvisor.fhir.BodySiteMuscles;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;

/**
 * The resources Claims reference, read once from the export's other files and kept by
 * {@code Type/id}; Procedures also by their subject, so that a Claim is checked against the
 * patient's earlier procedures (re-injection intervals, global periods). Held in memory: these
 * files are the small part of a claims export.
 */
public final class SupportingResources {

    /** About what a part holds (some 1,400 in a generated export): the maps are not grown (rehashed) ten times over. */
    private static final int EXPECTED_RESOURCES = 2048;
    private static final Pattern ABSOLUTE = Pattern.compile("^.*/([A-Za-z]+/[^/]+)$");

    private final Map<String, Resource> byReference = new HashMap<>();
    private final Map<String, List<Procedure>> proceduresBySubject = new HashMap<>();
    /** Read once here rather than per claim: HAPI's date types go through a calendar on every read. */
    private final Map<Procedure, LocalDate> performed = new IdentityHashMap<>(EXPECTED_RESOURCES);
    private final Map<Resource, String> references = new IdentityHashMap<>(EXPECTED_RESOURCES);
    /** Read when a claim first asks (by identity: HAPI's resources do not override equals), shared by the workers. */
    private final Map<Procedure, List<DocumentedMuscle>> muscles = new ConcurrentHashMap<>();
    /**
     * What one bodySite names, by its text and codings: a clinic's Procedures name the same few hundred
     * muscles, and reading one is a table lookup and several regular expressions. Lives as long as the part.
     */
    private final Map<String, Optional<DocumentedMuscle>> sites = new ConcurrentHashMap<>();

    static SupportingResources read(FhirContext fhir, PatientPartitions.Part part, Consumer<String> problems)
            throws IOException {
        SupportingResources resources = new SupportingResources();
        IParser parser = fhir.newJsonParser();
        part.supportingLines(line -> {
            try {
                resources.add((Resource) parser.parseResource(line.text()));
            } catch (RuntimeException e) {
                problems.accept(unreadable(line));
            }
        });
        return resources;
    }

    static String unreadable(NdjsonInputs.Line line) {
        return line.file() + ":" + line.number() + ": " + ClaimLineReview.NOT_A_RESOURCE + ", skipped";
    }

    public void add(Resource resource) {
        if (!resource.getIdElement().hasIdPart()) {
            return;
        }
        String reference = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
        byReference.putIfAbsent(reference, resource);
        references.put(resource, reference);
        if (resource instanceof Procedure procedure) {
            LocalDate date = ClaimProcedureMuscles.performedOn(procedure);
            if (date != null) {
                performed.put(procedure, date);
            }
        }
        if (resource instanceof Procedure procedure && procedure.getSubject().hasReference()) {
            proceduresBySubject.computeIfAbsent(procedure.getSubject().getReference(), k -> new ArrayList<>())
                    .add(procedure);
        }
    }

    public Resource find(String reference) {
        if (reference == null) {
            return null;
        }
        // A relative reference (one slash) is its own key; only an absolute one needs the pattern.
        boolean relative = reference.indexOf('/') == reference.lastIndexOf('/');
        return byReference.get(relative ? reference : ABSOLUTE.matcher(reference).replaceFirst("$1"));
    }

    /**
     * The muscles the Procedure's bodySite documents, each path relative to the bodySite list
     * ({@code [0]}, {@code [1]}), as {@link BodySiteMuscles#read(List, String)} reads them: a Procedure
     * is read once, not once per claim of its patient, and a bodySite once per text and codings.
     */
    List<DocumentedMuscle> muscles(Procedure procedure, BodySiteMuscles bodySites) {
        // A plain get first: most asks find the muscles read, and computeIfAbsent would lock and capture.
        List<DocumentedMuscle> known = muscles.get(procedure);
        if (known != null) {
            return known;
        }
        return muscles.computeIfAbsent(procedure, p -> {
            List<DocumentedMuscle> read = new ArrayList<>(p.getBodySite().size());
            for (int i = 0; i < p.getBodySite().size(); i++) {
                CodeableConcept site = p.getBodySite().get(i);
                String key = siteKey(site);
                Optional<DocumentedMuscle> muscle = key == null ? bodySites.read(site, "")
                        : sites.computeIfAbsent(key, k -> bodySites.read(site, ""));
                String path = "[" + i + "]";
                muscle.ifPresent(m -> read.add(new DocumentedMuscle(m.muscleId(), m.name(), m.region(), path)));
            }
            return List.copyOf(read);
        });
    }

    /** All a bodySite is read by (text; each coding's system, code and display), or null when it has extensions. */
    static String siteKey(CodeableConcept site) {
        if (site.hasExtension()) {
            return null; // a laterality qualifier: read it each time
        }
        StringBuilder key = new StringBuilder(site.hasText() ? "T" + site.getText() : "N");
        for (Coding coding : site.getCoding()) {
            if (coding.hasExtension()) {
                return null;
            }
            key.append('\u0000').append(orNone(coding.getSystem())).append('\u0000').append(orNone(coding.getCode()))
                    .append('\u0000').append(orNone(coding.getDisplay()));
        }
        return key.toString();
    }

    private static String orNone(String value) {
        return value == null ? "\u0001" : "=" + value;
    }

    /** The resource's {@code Type/id}, as it was added. */
    String referenceOf(Resource resource) {
        return references.get(resource);
    }

    /** When the Procedure was performed, as {@link ClaimProcedureMuscles#performedOn} reads it. */
    LocalDate performedOn(Procedure procedure) {
        return performed.get(procedure);
    }

    public List<Procedure> proceduresOf(String subject) {
        return subject == null ? List.of() : proceduresBySubject.getOrDefault(subject, List.of());
    }

    int size() {
        return byReference.size();
    }
}
