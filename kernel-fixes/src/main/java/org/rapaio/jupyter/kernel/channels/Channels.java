package org.rapaio.jupyter.kernel.channels;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.message.ContentType;
import org.rapaio.jupyter.kernel.message.HMACDigest;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageId;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.jupyter.kernel.message.messages.ErrorReply;
import org.rapaio.jupyter.kernel.message.messages.IOPubStatus;
import org.rapaio.jupyter.kernel.message.messages.IOPubStream;
import org.rapaio.org.zeromq.ZMQ;

/**
 * The rapaio Java kernel's connection to its Jupyter client: the five ZeroMQ channels (shell,
 * control, heartbeat, stdin, iopub) of one connection file, the table that maps each request type
 * to the kernel's handler, the id of the request being handled (the parent of what is published),
 * and the actions to run once a request has been handled (reply, then "idle").
 *
 * <p>Replaces the class of the same name in rapaio-jupyter-kernel 3.0.1, with the same
 * constructor and public methods (the kernel and its channels call them), fixing the start-up gap
 * in which requests were dropped: the original bound the sockets and started the channel loops
 * first and filled in the handler table afterwards, so a request that arrived in between (the
 * single {@code kernel_info_request} Jupyter sends right after start, which it then waits 60 s
 * for) was logged as "Unhandled message" and dropped, or, while the table was still missing, made
 * the shell loop die of a NullPointerException. Here {@link #connect} registers the channels
 * with the kernel and puts the complete handler table in place before any socket is bound; the
 * table is never absent (empty before {@code connect}) and never changes once published.
 *
 * <p>The channels are also bound in a fixed order, the ones that answer requests last (iopub
 * first, so "starting" is published before any request is handled; shell last), where the
 * original's order varied from run to run.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class Channels {

    private final ConnectionProperties connProps;
    private final ZMQ.Context ctx;

    private final HeartbeatChannel heartbeat;
    private final ShellChannel shell;
    private final ControlChannel control;
    private final StdinChannel stdin;
    private final IOPubChannel iopub;

    /** Every channel, in the order they are bound (iopub first, the request channels last). */
    private final List<AbstractChannel> bindOrder;

    /** Run after each handled request, last scheduled first (as the original's stack did). */
    private final Deque<Runnable> afterActions = new ArrayDeque<>();

    private volatile Map<MessageType<?>, MessageHandler> handlers = Map.of();
    private volatile MessageId<?> msgId;
    private volatile boolean connected;
    private volatile boolean shutdownRequested;

    /**
     * The channels of one connection file; nothing is bound until {@link #connect}.
     *
     * @throws NoSuchAlgorithmException if the connection's signature scheme is unknown
     * @throws InvalidKeyException if the connection's key does not suit that scheme
     */
    public Channels(ConnectionProperties connProps) throws NoSuchAlgorithmException, InvalidKeyException {
        this.connProps = connProps;
        this.ctx = ZMQ.context(1);
        HMACDigest hmac = connProps.createHMACDigest();
        this.heartbeat = new HeartbeatChannel(this, ctx, hmac);
        this.shell = new ShellChannel(this, ctx, hmac, this);
        this.control = new ControlChannel(this, ctx, hmac);
        this.stdin = new StdinChannel(this, ctx, hmac);
        this.iopub = new IOPubChannel(this, ctx, hmac);
        this.bindOrder = List.of(iopub, stdin, heartbeat, control, shell);
    }

    /**
     * Connects {@code kernel} to its client: registers these channels with it, puts its handlers in
     * place, and only then binds the sockets and starts the channel loops (iopub first, publishing
     * "starting"; shell last). A second call does nothing.
     */
    public synchronized void connect(RapaioKernel kernel) {
        if (connected) {
            return;
        }
        kernel.registerChannels(this);
        handlers = handlersOf(kernel);
        iopub.bind(connProps);
        iopub.sendMessage(new Message(MessageType.IOPUB_STATUS, IOPubStatus.STARTING));
        for (AbstractChannel channel : bindOrder) {
            if (channel != iopub) {
                channel.bind(connProps);
            }
        }
        connected = true;
    }

    private static Map<MessageType<?>, MessageHandler> handlersOf(RapaioKernel kernel) {
        return Map.ofEntries(
                Map.entry(MessageType.SHELL_EXECUTE_REQUEST, (MessageHandler) kernel::handleExecuteRequest),
                Map.entry(MessageType.SHELL_INSPECT_REQUEST, (MessageHandler) kernel::handleInspectRequest),
                Map.entry(MessageType.SHELL_COMPLETE_REQUEST, (MessageHandler) kernel::handleCompleteRequest),
                Map.entry(MessageType.SHELL_HISTORY_REQUEST, (MessageHandler) kernel::handleHistoryRequest),
                Map.entry(MessageType.SHELL_IS_COMPLETE_REQUEST, (MessageHandler) kernel::handleIsCompleteRequest),
                Map.entry(MessageType.SHELL_KERNEL_INFO_REQUEST, (MessageHandler) kernel::handleKernelInfoRequest),
                Map.entry(MessageType.CONTROL_SHUTDOWN_REQUEST, (MessageHandler) kernel::handleShutdownRequest),
                Map.entry(MessageType.CONTROL_INTERRUPT_REQUEST, (MessageHandler) kernel::handleInterruptRequest),
                Map.entry(MessageType.CUSTOM_COMM_OPEN, (MessageHandler) kernel::handleCommOpenCommand),
                Map.entry(MessageType.CUSTOM_COMM_MSG, (MessageHandler) kernel::handleCommMsgCommand),
                Map.entry(MessageType.CUSTOM_COMM_CLOSE, (MessageHandler) kernel::handleCommCloseCommand),
                Map.entry(MessageType.SHELL_COMM_INFO_REQUEST, (MessageHandler) kernel::handleCommInfoRequest));
    }

    /** The kernel's handler for requests of {@code type}, or null if it has none (or before connect). */
    public <T> MessageHandler<T> getHandler(MessageType<T> type) {
        return handlers.get(type);
    }

    /** Closes every channel (their loops stop) and the ZeroMQ context. */
    public void close() {
        for (AbstractChannel channel : bindOrder) {
            channel.close();
        }
        ctx.close();
    }

    /** Waits until the channel loops have ended (after {@link #close()}). */
    public void joinUntilClose() {
        for (AbstractChannel channel : bindOrder) {
            channel.joinUntilClose();
        }
    }

    /** Whether a request is being handled (its id is the parent of what is published). */
    public boolean hasMsgId() {
        return msgId != null;
    }

    /** The request being handled from now on. */
    public void setMsgId(MessageId<?> msgId) {
        this.msgId = msgId;
    }

    /** No request is being handled any more. */
    public void freeMsgId() {
        this.msgId = null;
    }

    /** Asks the channel that handled the current request to close the connection afterwards. */
    public void markForShutdown() {
        shutdownRequested = true;
    }

    public boolean isMarkedForShutdown() {
        return shutdownRequested;
    }

    /** Publishes {@code text} on the client's stdout stream. */
    public void writeToStdOut(String text) {
        publish(new IOPubStream(IOPubStream.StreamName.OUT, text));
    }

    /** Publishes {@code text} on the client's stderr stream. */
    public void writeToStdErr(String text) {
        publish(new IOPubStream(IOPubStream.StreamName.ERR, text));
    }

    /** Asks the client for a line of input, on behalf of the current request. */
    public String readFromStdIn() {
        return stdin.getInput(msgId, "", false);
    }

    /** Publishes {@code content} on iopub, as a child of the current request. */
    public <T extends ContentType<T>> void publish(T content) {
        iopub.sendMessage(new Message(msgId, content.type(), content));
    }

    /** Sends {@code content} on shell as the reply to the current request. */
    public <T extends ContentType<T>> void reply(T content) {
        shell.sendMessage(new Message(msgId, content.type(), content));
    }

    /** Sends {@code error} on shell as the reply of {@code type} to the current request. */
    public void replyError(MessageType<?> type, ErrorReply error) {
        shell.sendMessage(new Message(msgId, type, error));
    }

    /** Runs {@code action} once the current request has been handled; last scheduled runs first. */
    public void scheduleAfter(Runnable action) {
        synchronized (afterActions) {
            afterActions.push(action);
        }
    }

    /** Runs (and forgets) the scheduled actions, last scheduled first. */
    public void runAfterActions() {
        while (true) {
            Runnable action;
            synchronized (afterActions) {
                action = afterActions.poll();
            }
            if (action == null) {
                return;
            }
            action.run();
        }
    }

    /** Publishes "busy" now and schedules "idle" for when the current request has been handled. */
    public void busyThenIdle() {
        publish(IOPubStatus.BUSY);
        scheduleAfter(() -> publish(IOPubStatus.IDLE));
    }
}
