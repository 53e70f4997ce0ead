package org.chemoadvisor.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Conformance resources by canonical URL, kept as deflated JSON and parsed (a new instance each time)
 * when asked for: parsed, the core definitions take about 14 times the heap of their deflated text. Filled once,
 * then only read (safe to read from several threads after it is published).
 */
final class CompressedResources implements DefinitionsByUrl {

    private final FhirContext fhirContext;
    private final String packageUserData;
    private final Map<String, byte[]> byUrl = new HashMap<>();

    /** {@code packageUserData}: the {@code "package"} userData each parsed resource gets, or null. */
    CompressedResources(FhirContext fhirContext, String packageUserData) {
        this.fhirContext = fhirContext;
        this.packageUserData = packageUserData;
    }

    void put(String url, String json) {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream(json.length() / 6);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, deflater)) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        byUrl.put(url, deflated.toByteArray());
    }

    @Override
    public IBaseResource get(String url) {
        byte[] deflated = byUrl.get(url);
        if (deflated == null) {
            return null;
        }
        try (InputStreamReader json = new InputStreamReader(
                new InflaterInputStream(new ByteArrayInputStream(deflated)), StandardCharsets.UTF_8)) {
            IBaseResource resource = fhirContext.newJsonParser().parseResource(json);
            if (packageUserData != null) {
                resource.setUserData("package", packageUserData);
            }
            return resource;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
