package org.chemoadvisor.fhir;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.exceptions.FHIRFormatError;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.JsonParser;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.utilities.validation.ValidationMessage;

/**
 * HAPI's element-model JSON parser, which looks up the StructureDefinition of each resource it meets
 * ({@code ParserBase.getDefinition}) by scanning every StructureDefinition of the worker context and
 * comparing URLs (~5% of a validation). This one remembers what that scan found, by type name, in a map
 * shared by the pool's parsers. Only definitions found are remembered: a name not found takes the scan
 * and its "unknown name" error every time, as in HAPI. The worker context's definitions do not change
 * after they are loaded, so the scan would find the same one again.
 */
final class DefinitionCachingJsonParser extends JsonParser {

    private final Map<String, StructureDefinition> definitions;

    DefinitionCachingJsonParser(IWorkerContext context, Map<String, StructureDefinition> definitions) {
        super(context);
        this.definitions = definitions;
    }

    @Override
    protected StructureDefinition getDefinition(List<ValidationMessage> errors, int line, int col, String name)
            throws FHIRFormatError {
        StructureDefinition known = name == null ? null : definitions.get(name);
        if (known != null) {
            return known;
        }
        StructureDefinition found = super.getDefinition(errors, line, col, name);
        if (found != null) {
            definitions.putIfAbsent(name, found);
        }
        return found;
    }
}
