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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.chemoadvisor.claim.ClaimProcedureMuscles;
import org.chemoadvisor.facts.DocumentedMuscle;
import org.chemoadvisor.fhir.BodySiteMuscles;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;

/**
 * The resources Claims reference, read once from the export's other files and kept by
 * {@code Type/id}; Procedures also by their subject, so that a Claim is checked against the
 * patient's earlier procedures (re-injection intervals, global periods). Held in memory: these
 * files are the small part of a claims export.
 */
public final class SupportingResources {

    private static final Pattern ABSOLUTE = Pattern.compile("^.*/([A-Za-z]+/[^/]+)$");

    private final Map<String, Resource> byReference = new HashMap<>();
    private final Map<String, List<Procedure>> proceduresBySubject = new HashMap<>();
    /** Read once here rather than per claim: HAPI's date types go through a calendar on every read. */
    private final Map<Procedure, LocalDate> performed = new IdentityHashMap<>();
    private final Map<Resource, String> references = new IdentityHashMap<>();
    /** Read when a claim first asks (by identity: HAPI's resources do not override equals), shared by the workers. */
    private final Map<Procedure, List<DocumentedMuscle>> muscles = new ConcurrentHashMap<>();

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
        return line.file() + ":" + line.number() + ": not a FHIR R4 resource, skipped";
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
        return reference == null ? null : byReference.get(ABSOLUTE.matcher(reference).replaceFirst("$1"));
    }

    /**
     * The muscles the Procedure's bodySite documents, each path relative to the bodySite list
     * ({@code [0]}, {@code [1]}): a Procedure is read once, not once per claim of its patient.
     */
    List<DocumentedMuscle> muscles(Procedure procedure, BodySiteMuscles bodySites) {
        return muscles.computeIfAbsent(procedure, p -> List.copyOf(bodySites.read(p.getBodySite(), "")));
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
