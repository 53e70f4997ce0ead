package org.chemoadvisor.security.cds;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a JWKS from a local file (air-gapped sites), re-read whenever the key cache refreshes. */
final class FileResourceRetriever implements ResourceRetriever {

    private final long sizeLimit;

    FileResourceRetriever(long sizeLimit) {
        this.sizeLimit = sizeLimit;
    }

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        Path path;
        try {
            path = Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("Not a file URL: " + url, e);
        }
        if (Files.size(path) > sizeLimit) {
            throw new IOException("JWKS file " + path + " is larger than " + sizeLimit + " bytes");
        }
        return new Resource(Files.readString(path, StandardCharsets.UTF_8), "application/json");
    }
}
