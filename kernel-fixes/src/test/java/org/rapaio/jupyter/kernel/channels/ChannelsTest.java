package org.rapaio.jupyter.kernel.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.Transform;
import org.rapaio.jupyter.kernel.message.Header;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.org.zeromq.SocketType;
import org.rapaio.org.zeromq.ZMQ;

/**
 * The replacement Channels, driven as Jupyter drives the kernel: the client connects and sends its
 * one kernel_info_request before the kernel has bound anything (ZeroMQ queues it and delivers it
 * the moment the shell socket is bound), then the kernel connects. With the original, a request
 * delivered before the handler table was filled in was dropped ("Unhandled message") or killed
 * the shell loop; here it must be answered, every time.
 */
class ChannelsTest {

    private static RapaioKernel kernel;

    @BeforeAll
    static void kernel() {
        kernel = new RapaioKernel();
    }

    @Test
    void aHandlerLookupBeforeConnectFindsNothingAndDoesNotThrow() throws Exception {
        Channels channels = new Channels(connection());
        assertNull(channels.getHandler(MessageType.SHELL_KERNEL_INFO_REQUEST));
    }

    @Test
    void theFirstKernelInfoRequestIsAnsweredEveryTime() throws Exception {
        for (int i = 0; i < 15; i++) {
            ConnectionProperties props = connection();
            Channels channels = new Channels(props);
            ZMQ.Context ctx = ZMQ.context(1);
            ZMQ.Socket client = ctx.socket(SocketType.DEALER);
            try {
                client.setReceiveTimeOut(10_000);
                client.connect(props.formatAddress(props.shellPort()));
                String requestId = "kernel-info-" + i;
                send(client, requestId);

                channels.connect(kernel);
                assertNotNull(channels.getHandler(MessageType.SHELL_KERNEL_INFO_REQUEST));

                List<byte[]> reply = receive(client);
                assertNotNull(reply, "start " + i + ": no kernel_info_reply within 10 s");
                // [<IDS|MSG>, signature, header, parent header, metadata, content]
                Header<?> header = Transform.fromJson(reply.get(2), Header.class);
                Header<?> parent = Transform.fromJson(reply.get(3), Header.class);
                assertEquals(MessageType.SHELL_KERNEL_INFO_REPLY, header.type(), "start " + i);
                assertEquals(requestId, parent.id(), "start " + i);
            } finally {
                client.close();
                ctx.close();
                channels.close();
                channels.joinUntilClose();
            }
        }
    }

    @Test
    void afterActionsRunLastScheduledFirst() throws Exception {
        Channels channels = new Channels(connection());
        List<String> order = new ArrayList<>();
        channels.scheduleAfter(() -> order.add("first"));
        channels.scheduleAfter(() -> order.add("second"));
        channels.runAfterActions();
        channels.runAfterActions();
        assertEquals(List.of("second", "first"), order);
    }

    /** A kernel_info_request as jupyter_client sends it (unsigned: the connection has no key). */
    private static void send(ZMQ.Socket socket, String msgId) {
        String header = "{\"msg_id\": \"" + msgId + "\", \"msg_type\": \"kernel_info_request\", "
                + "\"username\": \"test\", \"session\": \"channels-test\", "
                + "\"date\": \"2026-01-01T00:00:00.000000Z\", \"version\": \"5.3\"}";
        List<byte[]> frames = List.of(Transform.IDENTITY_DELIMITER, new byte[0], utf8(header), utf8("{}"),
                utf8("{}"), utf8("{}"));
        for (int i = 0; i < frames.size() - 1; i++) {
            socket.sendMore(frames.get(i));
        }
        socket.send(frames.get(frames.size() - 1));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<byte[]> receive(ZMQ.Socket socket) {
        byte[] first = socket.recv();
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>(List.of(first));
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv());
        }
        return frames;
    }

    /** A connection on five free local ports, without a key (no signatures). */
    private static ConnectionProperties connection() throws IOException {
        int[] ports = new int[5];
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < ports.length; i++) {
                ServerSocket s = new ServerSocket(0);
                held.add(s);
                ports[i] = s.getLocalPort();
            }
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
        return new ConnectionProperties(ports[0], ports[1], "tcp", "hmac-sha256", ports[2], ports[3],
                "127.0.0.1", ports[4], "");
    }
}
