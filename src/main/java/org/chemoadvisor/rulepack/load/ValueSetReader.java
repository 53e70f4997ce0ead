package org.chemoadvisor.rulepack.load;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.chemoadvisor.rules.Citation;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ConceptReferenceComponent;
import org.hl7.fhir.r4.model.ValueSet.ConceptSetComponent;
import org.hl7.fhir.r4.model.ValueSet.ConceptSetFilterComponent;

/**
 * Reads a code set from a FHIR R4 ValueSet's {@code compose}: each {@code include.concept} is a
 * code; an ICD-10-CM {@code include.filter} {@code concept is-a X} is the category X and all codes
 * under it, which in ICD-10-CM are the codes starting with X. ICD-10-CM codes are kept without
 * their dot (rules match diagnoses by prefix, see {@code CodeSets#containsPrefixOf}). Anything the
 * service could not honour exactly (other filters, {@code exclude}, included ValueSets, an include
 * without a system) stops loading rather than being half-read.
 */
public final class ValueSetReader {

    public static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";

    /** Opens the ValueSet's JSON. */
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** The codes of a ValueSet and the citation a finding quotes (title, version, canonical URL). */
    public record Content(Set<String> codes, Citation citation) {
    }

    private ValueSetReader() {
    }

    /**
     * @param name what messages call the file (its location)
     * @throws RulePackLoadException when the file is missing, not a ValueSet, or not readable exactly
     */
    public static Content read(String name, Opener opener) {
        ValueSet valueSet = parse(name, opener);
        if (valueSet.getCompose().hasExclude()) {
            throw new RulePackLoadException(name + ": compose.exclude is not supported; list the codes to include");
        }
        Set<String> codes = new LinkedHashSet<>();
        List<ConceptSetComponent> includes = valueSet.getCompose().getInclude();
        for (int i = 0; i < includes.size(); i++) {
            codes.addAll(codes(name, "compose.include[" + i + "]", includes.get(i)));
        }
        if (codes.isEmpty()) {
            throw new RulePackLoadException(name + ": the ValueSet includes no codes (compose.include.concept or"
                    + " an ICD-10-CM 'concept is-a' filter)");
        }
        String title = valueSet.hasTitle() ? valueSet.getTitle() : valueSet.getName();
        String url = valueSet.hasUrl() ? valueSet.getUrl() : null;
        if (title == null || title.isBlank()) {
            title = url != null ? url : name;
        }
        return new Content(codes, new Citation("ValueSet " + title, valueSet.getVersion(), url));
    }

    private static ValueSet parse(String name, Opener opener) {
        IBaseResource resource;
        try (InputStream in = opener.open(); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            resource = FhirContext.forR4Cached().newJsonParser().parseResource(reader);
        } catch (IOException e) {
            throw new RulePackLoadException(name + ": cannot be read: " + e.getMessage(), e);
        } catch (DataFormatException e) {
            throw new RulePackLoadException(name + ": is not a FHIR R4 JSON resource: " + e.getMessage(), e);
        }
        if (!(resource instanceof ValueSet valueSet)) {
            throw new RulePackLoadException(name + ": is a " + resource.fhirType() + ", not a ValueSet");
        }
        return valueSet;
    }

    private static List<String> codes(String name, String at, ConceptSetComponent include) {
        if (include.hasValueSet()) {
            throw new RulePackLoadException(name + ": " + at + ".valueSet is not supported; list the codes");
        }
        if (!include.hasSystem()) {
            throw new RulePackLoadException(name + ": " + at + " has no system");
        }
        boolean icd = ICD10CM.equals(include.getSystem());
        List<String> codes = new ArrayList<>();
        for (ConceptReferenceComponent concept : include.getConcept()) {
            if (!concept.hasCode() || concept.getCode().isBlank()) {
                throw new RulePackLoadException(name + ": " + at + ".concept has an empty code");
            }
            codes.add(normalize(concept.getCode(), icd));
        }
        for (ConceptSetFilterComponent filter : include.getFilter()) {
            boolean isA = filter.getOp() == ValueSet.FilterOperator.ISA && "concept".equals(filter.getProperty());
            if (!icd || !isA || !filter.hasValue() || filter.getValue().isBlank()) {
                throw new RulePackLoadException(name + ": " + at + ".filter (" + filter.getProperty() + " "
                        + (filter.getOp() == null ? "" : filter.getOp().toCode()) + " " + filter.getValue()
                        + ") is not supported: only 'concept is-a <category>' on " + ICD10CM);
            }
            codes.add(normalize(filter.getValue(), true));
        }
        return codes;
    }

    private static String normalize(String code, boolean icd) {
        String trimmed = code.trim().toUpperCase(Locale.ROOT);
        return icd ? trimmed.replace(".", "") : trimmed;
    }
}
