package io.domoreactive.core.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback server that answers each request with fixed bytes, for replies no HTTP server
 * library would send: garbage status lines, broken chunking, contradictory lengths. Reads one
 * request head per answer (requests under test carry no body). Its threads are daemons that end
 * when {@link #close()} closes every socket.
 */
final class RawServer implements AutoCloseable {

    private final ServerSocket listener;
    private final byte[] answer;
    private final boolean closeAfterAnswer;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    /**
     * @param answer the bytes written after each request head
     * @param closeAfterAnswer whether to close the connection after answering
     */
    RawServer(byte[] answer, boolean closeAfterAnswer) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.answer = answer;
        this.closeAfterAnswer = closeAfterAnswer;
        Thread acceptor = new Thread(this::accept, "raw-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return the base URL of this server */
    String baseUrl() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                accepted.add(socket);
                Thread handler = new Thread(() -> answer(socket), "raw-server-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (readRequestHead(in)) {
                out.write(answer);
                out.flush();
                if (closeAfterAnswer) {
                    return;
                }
            }
        } catch (SocketException reset) {
            // the client gave up on the connection: nothing to answer any more
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return whether a whole request head (up to the blank line) arrived */
    private static boolean readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while ((b = in.read()) >= 0) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == end.length) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }
}
