package io.domoreactive.core.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.domoreactive.core.http.DomoJson;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretTest {

    private static final String VALUE = "tok-s3cr3t-canary-7c1d0a4e99b2";

    record Holder(String name, Secret token) {
    }

    @Test
    void neverShownByToStringOrJson() throws Exception {
        Secret secret = Secret.of(VALUE);
        assertFalse(secret.toString().contains(VALUE));
        assertFalse(new Holder("n", secret).toString().contains(VALUE), "records holding a secret stay masked");
        ObjectMapper mapper = DomoJson.newMapper();
        String json = mapper.writeValueAsString(new Holder("n", secret));
        assertFalse(json.contains(VALUE), json);
        assertTrue(json.contains(Secret.MASK), json);
        assertFalse(mapper.writeValueAsString(Map.of("k", secret)).contains(VALUE));
    }

    @Test
    void onlyRevealShowsTheValue() {
        assertEquals(VALUE, Secret.of(VALUE).reveal());
    }

    @Test
    void equalityComparesValuesWithoutShowingThem() {
        assertEquals(Secret.of(VALUE), Secret.of(VALUE));
        assertNotEquals(Secret.of(VALUE), Secret.of(VALUE + "x"));
        AssertionError failure = assertThrows(AssertionError.class,
                () -> assertEquals(Secret.of(VALUE), Secret.of("other-secret-value")));
        assertFalse(failure.getMessage().contains(VALUE), failure.getMessage());
    }

    @Test
    void decodesFromJsonStrings() throws Exception {
        Holder holder = DomoJson.newMapper().readValue("{\"name\":\"n\",\"token\":\"" + VALUE + "\"}", Holder.class);
        assertEquals(VALUE, holder.token().reveal());
    }

    @Test
    void credentialsNeverShowTheirSecrets() {
        assertFalse(DomoCredentials.developerToken(VALUE).toString().contains(VALUE));
        assertFalse(DomoCredentials.password("a@b.c", VALUE).toString().contains(VALUE));
        assertFalse(Authenticator.of(DomoCredentials.password("a@b.c", VALUE)).toString().contains(VALUE));
        assertFalse(Authenticator.of(DomoCredentials.developerToken(VALUE)).toString().contains(VALUE));
    }

    @Test
    void rejectsEmpty() {
        assertThrows(IllegalArgumentException.class, () -> Secret.of(""));
        assertThrows(NullPointerException.class, () -> Secret.of(null));
        assertThrows(IllegalArgumentException.class, () -> DomoCredentials.password(" ", "pw"));
    }
}
