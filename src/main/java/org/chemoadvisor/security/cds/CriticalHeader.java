package org.chemoadvisor.security.cds;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.Optional;
import java.util.Set;

/**
 * The JOSE {@code crit} header (RFC 7515 4.1.11) lists extensions the recipient must understand or refuse the
 * token. This service understands none, so any {@code crit} is refused: an empty list (which producers MUST NOT
 * send, and Nimbus lets through), names it does not know (Nimbus's verifiers refuse those, but as a bad
 * signature), {@code b64} (which Nimbus does understand), and a {@code crit} that is not a list.
 */
public final class CriticalHeader {

    public static final String EMPTY = "empty crit header";
    public static final String UNSUPPORTED = "unsupported crit header";

    private CriticalHeader() {
    }

    /** Why {@code header} is refused for its {@code crit}, or empty when it has none. */
    public static Optional<String> refusal(JWSHeader header) {
        Set<String> names = header.getCriticalParams();
        if (names != null) {
            return Optional.of(names.isEmpty() ? EMPTY : UNSUPPORTED);
        }
        // Nimbus reads "crit": null as no crit at all; the member is there all the same, and not a list.
        return hasCritMember(header.getParsedBase64URL()) ? Optional.of(UNSUPPORTED) : Optional.empty();
    }

    private static boolean hasCritMember(Base64URL encoded) {
        if (encoded == null) {
            return false;
        }
        String json = encoded.decodeToString();
        // Almost every header has neither; the name may also be spelt with backslash (unicode) escapes.
        if (!json.contains("crit") && json.indexOf('\\') < 0) {
            return false;
        }
        try {
            return JSONObjectUtils.parse(json).containsKey("crit");
        } catch (ParseException e) {
            return true;
        }
    }
}
