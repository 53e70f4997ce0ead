package org.chemoadvisor.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.util.BundleUtil;
import ca.uhn.fhir.util.ClasspathUtil;
import ca.uhn.fhir.util.FhirTerser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * HAPI's built-in R4 definitions (the same classpath files {@link DefaultProfileValidationSupport} reads,
 * served the same way), holding parsed only what the validator reads on every call once {@link #compact}
 * has run.
 *
 * <p>Why: the first use of the validator's worker context asks for every structure definition
 * ({@code FHIRPathEngine} and {@code ProfileUtilities} index the types) and converts each one to R5 and
 * keeps it; HAPI's support also keeps every R4 definition parsed for the life of the JVM, in a static map:
 * 649 structure definitions, 1,334 value sets and 1,064 code systems, ~100 MB of heap. Here only the base
 * types and resources (derivation {@code specialization}, 208 of 649) are listed as "all structure
 * definitions", which is all that index keeps, without their differential and the documentation of their
 * elements (a third of them, and of their R5 copies, never read by the validator). The constraint
 * profiles, extension definitions, value sets and code systems (~52 MB parsed) are parsed at load as HAPI
 * parses them, and {@link #compact} (run off the start-up path, after the warm-up) turns them into deflated
 * JSON (3.7 MB), parsed again when one is fetched by URL; the validation support chain caches what was
 * fetched, so a Claim's few bindings are parsed once per cache period, not per validation. That the
 * messages stay those of HAPI's own support, before and after compacting, is tested
 * ({@code LazyProfilesValidationSupportTest}).
 */
final class LazyProfilesValidationSupport implements IValidationSupport {

    private static final String R4 = "/org/hl7/fhir/r4/model/";
    private static final List<String> TERMINOLOGY = List.of(
            R4 + "valueset/valuesets.xml", R4 + "valueset/v2-tables.xml", R4 + "valueset/v3-codesystems.xml");
    private static final List<String> STRUCTURE_DEFINITIONS = List.of(
            R4 + "profile/profiles-resources.xml", R4 + "profile/profiles-types.xml",
            R4 + "profile/profiles-others.xml", R4 + "extension/extension-definitions.xml");
    private static final String URL_PREFIX_STRUCTURE_DEFINITION_BASE = "http://hl7.org/fhir/";
    private static final String STORAGE_RESPONSE_CODES = "ca/uhn/fhir/context/support/HapiFhirStorageResponseCode.json";
    /** The userData HAPI's support gives the structure definitions it loads; the validator reads it. */
    private static final String PACKAGE = "hl7.fhir.r4";
    private static final String SOURCE_PACKAGE = "hl7.fhir.r4.core";

    private final FhirContext fhirContext;
    private final FhirTerser terser;
    private volatile Definitions definitions;

    LazyProfilesValidationSupport(FhirContext fhirContext) {
        this.fhirContext = fhirContext;
        this.terser = fhirContext.newTerser();
    }

    @Override
    public String getName() {
        return "chemo-lazy-profiles";
    }

    @Override
    public FhirContext getFhirContext() {
        return fhirContext;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends IBaseResource> List<T> fetchAllStructureDefinitions() {
        return (List<T>) definitions().specializations;
    }

    @Override
    public <T extends IBaseResource> List<T> fetchAllNonBaseStructureDefinitions() {
        return null;
    }

    /** As HAPI's support: what is loaded; here that is the listed definitions (the rest is not parsed). */
    @Override
    public List<IBaseResource> fetchAllConformanceResources() {
        return new ArrayList<>(definitions().specializations);
    }

    /** HAPI's support (R4): an unqualified name or {@code Type/name} means a core definition; a capitalised primitive name is found by its lower-case name. */
    @Override
    public IBaseResource fetchStructureDefinition(String theUrl) {
        String url = theUrl;
        if (!url.startsWith(URL_PREFIX_STRUCTURE_DEFINITION)) {
            if (url.indexOf('/') == -1) {
                url = URL_PREFIX_STRUCTURE_DEFINITION + url;
            } else if (url.chars().filter(c -> c == '/').count() == 1) {
                url = URL_PREFIX_STRUCTURE_DEFINITION_BASE + url;
            }
        }
        Definitions loaded = definitions();
        IBaseResource found = loaded.structureDefinition(url);
        if (found == null && url.startsWith(URL_PREFIX_STRUCTURE_DEFINITION)) {
            String name = url.substring(URL_PREFIX_STRUCTURE_DEFINITION.length());
            if (!name.isEmpty() && Character.isUpperCase(name.charAt(0))) {
                IBaseResource lowerCase = loaded.structureDefinition(
                        URL_PREFIX_STRUCTURE_DEFINITION + Character.toLowerCase(name.charAt(0)) + name.substring(1));
                if (lowerCase != null) {
                    found = terser.clone(lowerCase);
                    terser.setElement(found, "type", name);
                }
            }
        }
        return withSourcePackage(found);
    }

    @Override
    public IBaseResource fetchCodeSystem(String theSystem) {
        return withSourcePackage(terminology(theSystem, definitions().codeSystems));
    }

    @Override
    public IBaseResource fetchValueSet(String theUrl) {
        return withSourcePackage(terminology(theUrl, definitions().valueSets));
    }

    /** HAPI's support: {@code url|version} matches any version for HL7's own systems, else only that version. */
    private IBaseResource terminology(String canonical, DefinitionsByUrl resources) {
        int pipe = canonical.indexOf('|');
        String url = pipe > 0 ? canonical.substring(0, pipe) : canonical;
        IBaseResource found = resources.get(url);
        if (found != null && pipe > 0 && pipe < canonical.length() - 1
                && !url.startsWith("http://hl7.org") && !url.startsWith("http://terminology.hl7.org")
                && !canonical.substring(pipe + 1).equals(terser.getSinglePrimitiveValueOrNull(found, "version"))) {
            return null;
        }
        return found;
    }

    private static IBaseResource withSourcePackage(IBaseResource resource) {
        if (resource != null) {
            resource.setUserData(DefaultProfileValidationSupport.SOURCE_PACKAGE_ID, SOURCE_PACKAGE);
        }
        return resource;
    }

    private Definitions definitions() {
        Definitions loaded = definitions;
        if (loaded == null) {
            synchronized (this) {
                loaded = definitions;
                if (loaded == null) {
                    loaded = load();
                    definitions = loaded;
                }
            }
        }
        return loaded;
    }

    /**
     * Replaces the parsed profiles, value sets and code systems with their deflated JSON (about a second
     * of CPU); lookups meanwhile are served from the parsed ones. Idempotent.
     */
    void compact() {
        Definitions loaded = definitions();
        synchronized (this) {
            if (loaded.profiles() instanceof ParsedResources profiles
                    && loaded.codeSystems() instanceof ParsedResources codeSystems
                    && loaded.valueSets() instanceof ParsedResources valueSets) {
                definitions = new Definitions(loaded.specializations(), loaded.specializationsByUrl(),
                        profiles.compressed(fhirContext, PACKAGE), codeSystems.compressed(fhirContext, null),
                        valueSets.compressed(fhirContext, null));
            }
        }
    }

    boolean isCompact() {
        return definitions().profiles() instanceof CompressedResources;
    }

    private Definitions load() {
        Map<String, IBaseResource> profiles = new HashMap<>();
        Map<String, IBaseResource> specializations = new HashMap<>();
        for (String file : STRUCTURE_DEFINITIONS) {
            for (IBaseResource resource : bundle(file)) {
                String url = terser.getSinglePrimitiveValueOrNull(resource, "url");
                if (!"StructureDefinition".equals(fhirContext.getResourceType(resource)) || url == null || url.isBlank()) {
                    continue;
                }
                resource.setUserData("package", PACKAGE);
                boolean specialization = "specialization".equals(terser.getSinglePrimitiveValueOrNull(resource, "derivation"));
                if (specialization) {
                    withoutWhatTheValidatorNeverReads((StructureDefinition) resource);
                }
                (specialization ? specializations : profiles).put(url, resource);
                (specialization ? profiles : specializations).remove(url);
            }
        }
        Map<String, IBaseResource> codeSystems = new HashMap<>();
        Map<String, IBaseResource> valueSets = new HashMap<>();
        for (String file : TERMINOLOGY) {
            for (IBaseResource resource : bundle(file)) {
                String url = terser.getSinglePrimitiveValueOrNull(resource, "url");
                String type = fhirContext.getResourceType(resource);
                if (url == null || url.isBlank()) {
                    continue;
                }
                if (type.equals("CodeSystem")) {
                    codeSystems.put(url, resource);
                } else if (type.equals("ValueSet")) {
                    valueSets.put(url, resource);
                }
            }
        }
        IBaseResource storageCodeSystem = fhirContext.newJsonParser().setParserErrorHandler(new LenientErrorHandler())
                .parseResource(ClasspathUtil.loadResource(STORAGE_RESPONSE_CODES));
        codeSystems.put(terser.getSinglePrimitiveValueOrNull(storageCodeSystem, "url"), storageCodeSystem);
        return new Definitions(List.copyOf(specializations.values()), Map.copyOf(specializations),
                new ParsedResources(profiles), new ParsedResources(codeSystems), new ParsedResources(valueSets));
    }

    /**
     * A base type or resource is kept parsed for the life of the JVM, and an R5 copy of it too. The validator
     * reads its snapshot's structure and rules, not its differential or the documentation of its elements
     * (mappings to other standards, comments, requirements, aliases): about a third of the definition.
     */
    private static void withoutWhatTheValidatorNeverReads(StructureDefinition definition) {
        definition.setDifferential(null);
        definition.setMapping(null);
        for (ElementDefinition element : definition.getSnapshot().getElement()) {
            element.setMapping(null);
            element.setComment(null);
            element.setRequirements(null);
            element.setAlias(null);
        }
    }

    private List<IBaseResource> bundle(String file) {
        try (InputStream in = ClasspathUtil.loadResourceAsStream(file);
                InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            IBaseResource parsed = fhirContext.newXmlParser().parseResource(reader);
            return parsed instanceof IBaseBundle bundle ? BundleUtil.toListOfResources(fhirContext, bundle) : List.of(parsed);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the core definitions in " + file, e);
        }
    }

    private record Definitions(List<IBaseResource> specializations, Map<String, IBaseResource> specializationsByUrl,
            DefinitionsByUrl profiles, DefinitionsByUrl codeSystems, DefinitionsByUrl valueSets) {

        IBaseResource structureDefinition(String url) {
            IBaseResource listed = specializationsByUrl.get(url);
            return listed != null ? listed : profiles.get(url);
        }
    }

    /** Definitions as loaded, served as they are (the same instance each time, as HAPI's support does). */
    private record ParsedResources(Map<String, IBaseResource> byUrl) implements DefinitionsByUrl {

        @Override
        public IBaseResource get(String url) {
            return byUrl.get(url);
        }

        CompressedResources compressed(FhirContext fhirContext, String packageUserData) {
            IParser json = fhirContext.newJsonParser();
            CompressedResources compressed = new CompressedResources(fhirContext, packageUserData);
            byUrl.forEach((url, resource) -> compressed.put(url, json.encodeResourceToString(resource)));
            return compressed;
        }
    }
}
