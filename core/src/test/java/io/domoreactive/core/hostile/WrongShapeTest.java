package io.domoreactive.core.hostile;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.error.DomoDecodeException;
import io.domoreactive.core.error.NotFoundException;
import io.domoreactive.core.hostile.Hostile.Route;
import io.domoreactive.core.testing.MockDomo;
import io.domoreactive.core.tokens.TokenValueMissingException;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.domoreactive.core.hostile.Hostile.CANARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Valid JSON of the wrong shape for the route: arrays for objects, strings for numbers, missing
 * or null required fields, numbers beyond {@code long} or {@code double}, times beyond
 * {@code Instant}. Each fails with a typed decode error saying what was wrong (never quoting a
 * value), or, where the SDK documents that it tolerates the shape, decodes to a stated result.
 */
class WrongShapeTest {

    private static final String BEYOND_LONG = "99999999999999999999999";

    @StartStop
    final MockWebServer server = new MockWebServer();

    static Stream<Arguments> refusedShapes() {
        Class<DomoDecodeException> decode = DomoDecodeException.class;
        return Stream.of(
                arguments(Route.TOKENS_LIST, "an object where a list is expected", "{\"id\":1,\"ownerId\":2}", decode, "MismatchedInputException"),
                arguments(Route.TOKENS_LIST, "a list of numbers", "[1,2]", decode, "MismatchedInputException"),
                arguments(Route.TOKENS_LIST, "a list of lists", "[[]]", decode, "MismatchedInputException"),
                arguments(Route.TOKENS_LIST, "a string id", "[{\"id\":\"abc\",\"ownerId\":2}]", decode, "InvalidFormatException"),
                arguments(Route.TOKENS_LIST, "a token without id", "[{\"ownerId\":2,\"name\":\"x\"}]", decode, "MismatchedInputException"),
                arguments(Route.TOKENS_LIST, "a token without ownerId", "[{\"id\":1,\"name\":\"x\"}]", decode, "MismatchedInputException"),
                arguments(Route.TOKENS_LIST, "an explicit null id", "[{\"id\":null,\"ownerId\":2}]", decode, "InvalidNullException"),
                arguments(Route.TOKENS_LIST, "an id beyond long", "[{\"id\":" + BEYOND_LONG + ",\"ownerId\":2}]", decode, "Exception at line 1"),
                arguments(Route.TOKENS_LIST, "an id of 1e400", "[{\"id\":1e400,\"ownerId\":2}]", decode, "Exception at line 1"),
                arguments(Route.TOKENS_LIST, "an object name", "[{\"id\":1,\"ownerId\":2,\"name\":{\"first\":\"x\"}}]", decode, "MismatchedInputException"),
                arguments(Route.TOKENS_LIST, "an expiry that is not a time", "[{\"id\":1,\"ownerId\":2,\"expires\":\"next tuesday\"}]", decode, "InvalidFormatException"),
                arguments(Route.TOKENS_LIST, "an object expiry", "[{\"id\":1,\"ownerId\":2,\"expires\":{}}]", decode, "MismatchedInputException"),
                arguments(Route.TOKENS_LIST, "an expiry of 1e400", "[{\"id\":1,\"ownerId\":2,\"expires\":1e400}]", decode, "Exception at line 1"),

                arguments(Route.TOKENS_GENERATE, "no token value", "{\"id\":5,\"ownerId\":7}", TokenValueMissingException.class, "revoke it"),
                arguments(Route.TOKENS_GENERATE, "a null token value", "{\"id\":5,\"ownerId\":7,\"token\":null}", TokenValueMissingException.class, "revoke it"),
                arguments(Route.TOKENS_GENERATE, "an object token value", "{\"id\":5,\"ownerId\":7,\"token\":{\"v\":\"" + CANARY + "\"}}", decode, "MismatchedInputException"),
                arguments(Route.TOKENS_GENERATE, "a token value without id", "{\"ownerId\":7,\"token\":\"" + CANARY + "\"}", decode, "MismatchedInputException"),
                arguments(Route.TOKENS_GENERATE, "a list holding the token", "[{\"id\":5,\"ownerId\":7,\"token\":\"" + CANARY + "\"}]", decode, "MismatchedInputException"),

                arguments(Route.USERS_GET, "an array where an object is expected", "[{\"id\":1}]", decode, "MismatchedInputException"),
                arguments(Route.USERS_GET, "a user without id", "{\"displayName\":\"x\"}", decode, "MismatchedInputException"),
                arguments(Route.USERS_GET, "an explicit null id", "{\"id\":null}", decode, "InvalidNullException"),
                arguments(Route.USERS_GET, "a string id", "{\"id\":\"one\"}", decode, "InvalidFormatException"),
                arguments(Route.USERS_GET, "an id beyond long", "{\"id\":" + BEYOND_LONG + "}", decode, "Exception at line 1"),
                arguments(Route.USERS_GET, "a created time beyond Instant", "{\"id\":1,\"created\":9223372036854775807}", decode, "JsonMappingException"),
                arguments(Route.USERS_GET, "a string where a boolean is expected", "{\"id\":1,\"active\":\"maybe\"}", decode, "InvalidFormatException"),
                arguments(Route.USERS_GET, "a role id of 1e400", "{\"id\":1,\"roleId\":1e400}", decode, "Exception at line 1"),
                arguments(Route.USERS_GET, "a body of white space only", " \r\n\t ", NotFoundException.class, "empty body"),

                arguments(Route.USERS_FIND_BY_EMAIL, "an array root", "[]", decode, "expected a JSON object holding a users array"),
                arguments(Route.USERS_FIND_BY_EMAIL, "users as an object", "{\"users\":{\"id\":1}}", decode, "users is not an array"),
                arguments(Route.USERS_FIND_BY_EMAIL, "users as a string", "{\"users\":\"none\"}", decode, "users is not an array"),
                arguments(Route.USERS_FIND_BY_EMAIL, "a user that is a number", "{\"users\":[1]}", decode, "user 0 of the page is not a JSON object"),
                arguments(Route.USERS_FIND_BY_EMAIL, "a user without id", "{\"users\":[{\"emailAddress\":\"ada@example.com\"}]}", decode, "user 0 of the page has no id"),
                arguments(Route.USERS_FIND_BY_EMAIL, "an explicit null id", "{\"users\":[{\"id\":null}]}", decode, "user 0 of the page has no id"),
                arguments(Route.USERS_FIND_BY_EMAIL, "a string id", "{\"users\":[{\"id\":\"x\"}]}", decode, "user 0 of the page: InvalidFormatException at field id"),
                arguments(Route.USERS_FIND_BY_EMAIL, "an object e-mail attribute", "{\"users\":[{\"id\":1,\"attributes\":"
                        + "[{\"key\":\"emailAddress\",\"values\":[{\"a\":1}]}]}]}", decode, "at field emailAddress"),
                arguments(Route.USERS_FIND_BY_EMAIL, "a last activity of 1e400", "{\"users\":[{\"id\":1,\"lastActivity\":1e400}]}", decode, "at field lastActivity"),

                arguments(Route.ACCOUNTS_GET, "an array where an object is expected", "[{\"id\":1}]", decode, "MismatchedInputException"),
                arguments(Route.ACCOUNTS_GET, "an empty object, no id", "{}", decode, "MismatchedInputException"),
                arguments(Route.ACCOUNTS_GET, "an explicit null id", "{\"id\":null,\"displayName\":\"x\"}", decode, "InvalidNullException"),
                arguments(Route.ACCOUNTS_GET, "a string id", "{\"id\":\"abc\"}", decode, "InvalidFormatException"),
                arguments(Route.ACCOUNTS_GET, "a string where a boolean is expected", "{\"id\":1,\"valid\":\"maybe\"}", decode, "InvalidFormatException"),
                arguments(Route.ACCOUNTS_GET, "a creation time that is not a time", "{\"id\":1,\"createdAt\":\"yesterday\"}", decode, "InvalidFormatException"),
                arguments(Route.ACCOUNTS_GET, "an owner id beyond long", "{\"id\":1,\"userId\":" + BEYOND_LONG + "}", decode, "Exception at line 1"),

                arguments(Route.ACCOUNTS_LIST, "an object where a list is expected", "{\"id\":1}", decode, "MismatchedInputException"),
                arguments(Route.ACCOUNTS_LIST, "an account without id", "[{\"displayName\":\"x\"}]", decode, "MismatchedInputException"),

                arguments(Route.ACCOUNTS_ACCESS_LIST, "a list where the wrapper is expected", "[{\"id\":\"1\"}]", decode, "MismatchedInputException"),
                arguments(Route.ACCOUNTS_ACCESS_LIST, "a grantee id that is not a number", "{\"list\":[{\"type\":\"USER\",\"id\":\"abc\",\"accessLevel\":\"OWNER\"}]}", decode, "is not a number"),
                arguments(Route.ACCOUNTS_ACCESS_LIST, "a grantee id beyond long", "{\"list\":[{\"type\":\"USER\",\"id\":\"" + BEYOND_LONG + "\",\"accessLevel\":\"OWNER\"}]}", decode, "is not a number"),
                arguments(Route.ACCOUNTS_ACCESS_LIST, "an unknown grantee type", "{\"list\":[{\"type\":\"ROBOT\",\"id\":\"1\",\"accessLevel\":\"OWNER\"}]}", decode, "unknown grantee type"),
                arguments(Route.ACCOUNTS_ACCESS_LIST, "an entry without access level", "{\"list\":[{\"type\":\"USER\",\"id\":\"1\"}]}", decode, "has no accessLevel"),

                arguments(Route.ACCOUNTS_CONFIG, "an array of provider fields", "[{\"password\":\"" + CANARY + "\"}]", decode, "expected a JSON object of provider fields"),

                arguments(Route.JUPYTER_GET, "an array where an object is expected", "[{\"id\":\"ws-1\"}]", decode, "the document is not a JSON object"),
                arguments(Route.JUPYTER_GET, "a workspace without id", "{\"name\":\"x\"}", decode, "workspace field 'id' is missing or blank"),
                arguments(Route.JUPYTER_GET, "an explicit null id", "{\"id\":null}", decode, "workspace field 'id' is missing or blank"),
                arguments(Route.JUPYTER_GET, "an object id", "{\"id\":{\"uuid\":\"x\"}}", decode, "workspace field 'id' is not a string"),
                arguments(Route.JUPYTER_GET, "an owner that is not a number", "{\"id\":\"ws-1\",\"owner\":\"abc\"}", decode, "workspace field 'owner' is not a whole number"),
                arguments(Route.JUPYTER_GET, "an owner beyond long", "{\"id\":\"ws-1\",\"owner\":" + BEYOND_LONG + "}", decode, "workspace field 'owner' is not a whole number"),
                arguments(Route.JUPYTER_GET, "a creation time that is not a time", "{\"id\":\"ws-1\",\"created\":\"yesterday\"}", decode, "workspace field 'created' is not an ISO-8601 time"),
                arguments(Route.JUPYTER_GET, "an epoch creation time beyond long", "{\"id\":\"ws-1\",\"created\":" + BEYOND_LONG + "}", decode, "workspace field 'created' is not an ISO-8601 time"),
                arguments(Route.JUPYTER_GET, "a creation time of 1e400", "{\"id\":\"ws-1\",\"created\":1e400}", decode, "workspace field 'created' is not an ISO-8601 time"),
                arguments(Route.JUPYTER_GET, "accounts as an object", "{\"id\":\"ws-1\",\"accountConfiguration\":{}}", decode, "workspace field 'accountConfiguration' is not an array"),
                arguments(Route.JUPYTER_GET, "an account entry without account_id", "{\"id\":\"ws-1\",\"accountConfiguration\":[{\"alias\":\"a\"}]}", decode, "has no account_id"),
                arguments(Route.JUPYTER_GET, "an account id of zero", "{\"id\":\"ws-1\",\"accountConfiguration\":[{\"account_id\":0,\"alias\":\"a\"}]}", decode, "account id must be positive"),
                arguments(Route.JUPYTER_GET, "a blank alias", "{\"id\":\"ws-1\",\"accountConfiguration\":[{\"account_id\":3,\"alias\":\" \"}]}", decode, "field 'alias' is missing or blank"),
                arguments(Route.JUPYTER_GET, "instances holding a number", "{\"id\":\"ws-1\",\"instances\":[1]}", decode, "an element of workspace field 'instances' is not an object"),

                arguments(Route.JUPYTER_SEARCH, "a page without workspaces", "{\"total\":0}", decode, "has no 'workspaces' field"),
                arguments(Route.JUPYTER_SEARCH, "workspaces as an object", "{\"workspaces\":{}}", decode, "'workspaces' is not an array"),
                arguments(Route.JUPYTER_SEARCH, "workspaces holding strings", "{\"workspaces\":[\"ws-1\"]}", decode, "an element of 'workspaces' is not an object"),
                arguments(Route.JUPYTER_SEARCH, "a workspace without id", "{\"workspaces\":[{\"name\":\"x\"}]}", decode, "workspace field 'id' is missing or blank"));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("refusedShapes")
    void wrongShapeIsATypedErrorThatSaysWhatWasWrong(Route route, String shape, String body,
                                                     Class<? extends Throwable> type, String says) {
        Hostile.serve(server, MockDomo.ok(body));
        try (DomoClient client = MockDomo.client(server)) {
            Throwable e = Hostile.failure(route.call(client));

            assertInstanceOf(type, e, () -> "got " + e);
            assertTrue(e.getMessage().contains(says), "message should say '" + says + "': " + e.getMessage());
            assertFalse(e.getMessage().contains(CANARY), "the body was quoted: " + e.getMessage());
        }
        assertEquals(1, server.getRequestCount(), "a 200 is never retried");
    }

    static Stream<Arguments> toleratedShapes() {
        return Stream.of(
                arguments(Route.TOKENS_LIST, "an empty list", "[]", "[]"),
                arguments(Route.TOKENS_LIST, "null entries, skipped", "[null,null]", "[]"),
                arguments(Route.ACCOUNTS_LIST, "null entries, skipped", "[null]", "[]"),
                arguments(Route.ACCOUNTS_ACCESS_LIST, "null entries, skipped", "{\"list\":[null]}", "[]"),
                arguments(Route.ACCOUNTS_ACCESS_LIST, "a null list", "{\"list\":null}", "[]"),
                arguments(Route.USERS_FIND_BY_EMAIL, "a null users array", "{\"users\":null}", "[]"),
                arguments(Route.USERS_FIND_BY_EMAIL, "no users field at all", "{\"count\":0}", "[]"),
                arguments(Route.USERS_FIND_BY_EMAIL, "attributes that are not a list", "{\"users\":[{\"id\":1,\"attributes\":\"x\"}]}", "[]"),
                arguments(Route.ACCOUNTS_CONFIG, "null and nested values", "{\"k\":null,\"n\":1,\"o\":{\"p\":[1]}}", "AccountConfig[k, n, o]"),
                arguments(Route.ACCOUNTS_CONFIG, "an empty object (an OAuth account)", "{}", "AccountConfig[]"),
                arguments(Route.JUPYTER_GET, "null lists", "{\"id\":\"ws-1\",\"instances\":null,\"accountConfiguration\":null}",
                        "Workspace[id=ws-1, name=null, owner=null, accounts=[]]"),
                arguments(Route.JUPYTER_GET, "a numeric owner as a string", "{\"id\":\"ws-1\",\"owner\":\" 42 \"}",
                        "Workspace[id=ws-1, name=null, owner=42, accounts=[]]"),
                arguments(Route.JUPYTER_SEARCH, "a null workspaces list", "{\"workspaces\":null}", "[]"));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("toleratedShapes")
    void toleratedShapeDecodesToTheDocumentedResult(Route route, String shape, String body, String expected) {
        Hostile.serve(server, MockDomo.ok(body));
        try (DomoClient client = MockDomo.client(server)) {
            assertEquals(expected, String.valueOf(Hostile.success(route.call(client))));
        }
    }
}
