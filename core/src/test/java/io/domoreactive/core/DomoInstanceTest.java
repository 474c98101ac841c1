package io.domoreactive.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A token is only ever sent to https://name.domo.com or an explicit https / loopback-http base URL. */
class DomoInstanceTest {

    @ParameterizedTest(name = "refused name [{0}]")
    @ValueSource(strings = {"", " ", "acme ", " acme", "ac me", "acme.domo.com", "acme.evil.com", "evil.com#",
            "acme/..", "..", "a..b", "acme/", "/acme", "acme@evil.com", "user@acme", "acme#x", "acme?x=1", "acme:443",
            "http://acme", "https://acme.domo.com", "-acme", "acme-", "ac_me", "acme%2e", "acme\u0000", "acme\n",
            "аcme", "acmé", "ａcme", "acme\\evil", "acme;", "*", "acme.", ".acme", "localhost:8080",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void hostileOrMalformedNamesAreRefused(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DomoInstance.named(name));
        assertTrue(e.getMessage().contains("one DNS label"), "the message states the rule: " + e.getMessage());
    }

    @Test
    void nullNameIsRefused() {
        assertThrows(NullPointerException.class, () -> DomoInstance.named(null));
    }

    @ParameterizedTest(name = "accepted name [{0}]")
    @ValueSource(strings = {"acme", "ACME", "domo-community", "a", "a1", "9lives", "x-y-z",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void validNamesAreAcceptedAndLowerCased(String name) {
        DomoInstance instance = DomoInstance.named(name);
        assertEquals(name.toLowerCase(java.util.Locale.ROOT), instance.name());
        assertEquals("https://" + name.toLowerCase(java.util.Locale.ROOT) + ".domo.com", instance.baseUri().toString());
    }

    @Test
    void domoSuffixGetsAHint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DomoInstance.named("acme.domo.com"));
        assertTrue(e.getMessage().contains("part before .domo.com"), e.getMessage());
    }

    @ParameterizedTest(name = "accepted URL [{0}]")
    @ValueSource(strings = {"https://acme.domo.com", "https://proxy.example.com:8443", "http://127.0.0.1:8080",
            "http://127.10.20.30", "http://localhost:9000", "http://[::1]:7000", "https://127.0.0.1:1", "http://LOCALHOST:1/"})
    void httpsAnywhereHttpOnlyOnLoopback(String url) {
        DomoInstance instance = DomoInstance.baseUrl(url);
        assertTrue(instance.baseUri().toString().startsWith("http"), instance.toString());
        assertTrue(instance.baseUri().getPath().isEmpty(), "no path is kept");
    }

    @ParameterizedTest(name = "refused URL [{0}]")
    @ValueSource(strings = {"http://acme.domo.com", "http://10.0.0.1", "http://192.168.1.10:80", "http://128.0.0.1",
            "http://127.0.0.1.evil.com", "http://localhost.evil.com", "http://0.0.0.0", "http://[::2]", "ftp://127.0.0.1",
            "file:///etc/passwd", "https://user:pw@acme.domo.com", "https://acme.domo.com/api", "https://acme.domo.com?x=1",
            "https://acme.domo.com#f", "127.0.0.1:8080", "acme", "https://", "javascript:alert(1)", "http://127.0.0.01",
            "http://127.0.0.256", "http://2130706433", "https://ac me.domo.com", ""})
    void otherUrlsAreRefused(String url) {
        assertThrows(IllegalArgumentException.class, () -> DomoInstance.baseUrl(url));
    }

    @Test
    void builderRefusesBothInstanceAndBaseUrl() {
        assertThrows(IllegalStateException.class, () -> DomoClient.builder().instance("acme").baseUrl("https://x.example.com"));
        assertThrows(IllegalStateException.class, () -> DomoClient.builder().instance("acme").build(),
                "credentials are required");
        assertThrows(IllegalStateException.class, () -> DomoClient.builder()
                .credentials(io.domoreactive.core.auth.DomoCredentials.developerToken("t")).build(), "an instance is required");
    }
}
