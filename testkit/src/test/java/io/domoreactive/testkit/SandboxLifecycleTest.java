package io.domoreactive.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SandboxLifecycleTest {

    private static Set<Thread> threads() {
        return Thread.getAllStackTraces().keySet();
    }

    @Test
    void closeReleasesThePortAndTheEventLoopThreads() throws Exception {
        Set<Thread> before = threads();
        DomoSandbox sandbox = DomoSandbox.builder().dataSet(DataSet.EMPTY).start();
        int port = sandbox.port();
        assertEquals(200, Api.admin(sandbox).get("/api/content/v2/users/me").status());
        List<Thread> loops = threads().stream()
                .filter(thread -> !before.contains(thread) && thread.getName().startsWith("domo-sandbox-"))
                .toList();
        assertFalse(loops.isEmpty(), "the request ran on the sandbox's own event loop");

        sandbox.close();

        try (Socket socket = new Socket()) {
            assertThrows(ConnectException.class, () -> socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000));
        }
        for (Thread loop : loops) {
            loop.join(10_000);
            assertFalse(loop.isAlive(), loop.getName() + " still runs after close()");
        }
    }
}
