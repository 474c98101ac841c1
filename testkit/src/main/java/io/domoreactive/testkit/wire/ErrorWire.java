package io.domoreactive.testkit.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.ThreadLocalRandom;

/** Domo's JSON error envelope: {@code status, statusReason, path, message, toe}. */
public final class ErrorWire {

    private static final char[] TOE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    private ErrorWire() {
    }

    /**
     * @param status  the HTTP status
     * @param path    the request path (no query)
     * @param message a human-readable message, never a secret
     * @return the envelope, with a fresh trace id in {@code toe}
     */
    public static ObjectNode envelope(int status, String path, String message) {
        return Json.object()
                .put("status", status)
                .put("statusReason", HttpResponseStatus.valueOf(status).reasonPhrase())
                .put("path", path)
                .put("message", message)
                .put("toe", toe());
    }

    /** @return a trace id shaped like Domo's, e.g. {@code D2RFR14QKK-0FWIV-QTGGZ} */
    static String toe() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] out = new char[22];
        for (int i = 0; i < out.length; i++) {
            out[i] = i == 10 || i == 16 ? '-' : TOE_CHARS[random.nextInt(TOE_CHARS.length)];
        }
        return new String(out);
    }
}
