package io.domoreactive.core.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A request's path is joined to the client's base URL as text, so the template must be an absolute path that cannot
 * move the request to another host or port, and a segment value cannot climb out of its place.
 */
class DomoRequestPathTest {

    @ParameterizedTest(name = "template \"{0}\"")
    @ValueSource(strings = {"", "api/x", "5001/steal", ".evil.example/x", "@evil.example/x", ":8443/x",
            "//evil.example/x", "/\\evil.example/x", "/api/x?unmask=true", "/api/x#frag", "/api/%2e%2e/x",
            "/api/x y", "/api/x\r\nHost: evil", "/api/\u0000", "/api/\u00e9"})
    void aTemplateThatIsNotAPlainAbsolutePathIsRefusedBeforeAnyIo(String template) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> DomoRequest.get(template));

        assertTrue(refused.getMessage().contains("absolute path"), refused.getMessage());
        assertFalse(refused.getMessage().contains("\r") || refused.getMessage().contains("\n"), refused.getMessage());
    }

    @ParameterizedTest(name = "segment \"{0}\"")
    @ValueSource(strings = {"", ".", ".."})
    void aSegmentThatWouldChangeThePathsShapeIsRefused(String segment) {
        assertThrows(IllegalArgumentException.class, () -> DomoRequest.get("/api/data/v1/accounts/{}", segment));
    }

    @Test
    void segmentsAreEncodedSoTheyStayOneSegment() {
        DomoRequest request = DomoRequest.get("/api/datascience/v1/workspaces/{}", "../../x?y#z /é").query("q", "a&b")
                .build();

        assertEquals("/api/datascience/v1/workspaces/..%2F..%2Fx%3Fy%23z%20%2F%C3%A9?q=a%26b", request.pathAndQuery());
    }

    @Test
    void everyPathTheSdkUsesIsAccepted() {
        assertEquals("/api/content/v2/users/me", DomoRequest.get("/api/content/v2/users/me").build().pathAndQuery());
        assertEquals("/api/data/v1/providers/abstract-credential-store/account/7",
                DomoRequest.put("/api/data/v1/providers/{}/account/{}", "abstract-credential-store", 7).build()
                        .pathAndQuery());
    }
}
