package io.mpqc.ref.conn;

import static io.mpqc.ref.conn.Fx.NO_ERROR;
import static io.mpqc.ref.conn.Fx.frames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameEncoder;
import io.mpqc.ref.path.PathStatus;
import io.mpqc.ref.path.PathView;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Local commands: what they send, and that a rejected one changes nothing. */
class CommandTest {

    private static Arguments reject(String name, Supplier<Fx.Conn> setup, Consumer<MultipathConnection> command) {
        return Arguments.of(name, setup, command);
    }

    private static Fx.Conn abandonedOne() {
        Fx.Conn c = Fx.newClient();
        c.openValidated(1);
        c.conn.abandonPath(1, NO_ERROR);
        return c;
    }

    private static Fx.Conn freedOne() {
        Fx.Conn c = abandonedOne();
        c.advance(10 * Fx.INITIAL_PTO);
        return c;
    }

    private static Fx.Conn closed() {
        Fx.Conn c = Fx.newClient();
        c.conn.close(NO_ERROR, "bye");
        return c;
    }

    private static Fx.Conn closedByError() {
        Fx.Conn c = Fx.newClient();
        c.recv(0, new Frame.PathStatusBackup(99, 0));
        return c;
    }

    /** Without an open path to carry a frame: the peer abandoned the last one, the grace period runs. */
    private static Fx.Conn noCarrier() {
        Fx.Conn c = Fx.newClient();
        c.recv(0, new Frame.PathAbandon(0, NO_ERROR));
        return c;
    }

    /** We accept path IDs up to 2, the peer up to 4. */
    private static Fx.Conn narrowLocal() {
        return Fx.conn(Fx.client().localMaxPathId(2).peerMaxPathId(4));
    }

    static Stream<Arguments> rejectedCommands() {
        Supplier<Fx.Conn> client = Fx::newClient;
        Supplier<Fx.Conn> server = Fx::newServer;
        Supplier<Fx.Conn> single = () -> Fx.conn(Fx.client().withoutMultipath());
        return Stream.of(
                reject("server openPath", server, MultipathConnection::openPath),
                reject("openPath without multipath", single, MultipathConnection::openPath),
                reject("openPath after close", CommandTest::closed, MultipathConnection::openPath),
                reject("abandonPath above the peer's limit", client, c -> c.abandonPath(5, NO_ERROR)),
                reject("abandonPath 2^32", client, c -> c.abandonPath(Fx.TWO_POW_32, NO_ERROR)),
                reject("abandonPath negative", client, c -> c.abandonPath(-1, NO_ERROR)),
                reject("abandonPath twice", CommandTest::abandonedOne, c -> c.abandonPath(1, NO_ERROR)),
                reject("abandonPath of a freed path", CommandTest::freedOne, c -> c.abandonPath(1, NO_ERROR)),
                reject("abandonPath without multipath", single, c -> c.abandonPath(0, NO_ERROR)),
                reject("abandonPath after an error", CommandTest::closedByError, c -> c.abandonPath(1, NO_ERROR)),
                reject("setLocalStatus UNKNOWN", client, c -> c.setLocalStatus(1, PathStatus.UNKNOWN)),
                reject("setLocalStatus above the peer's limit", client, c -> c.setLocalStatus(5, PathStatus.BACKUP)),
                reject("setLocalStatus of an abandoned path", CommandTest::abandonedOne,
                        c -> c.setLocalStatus(1, PathStatus.AVAILABLE)),
                reject("setLocalStatus of a freed path", CommandTest::freedOne,
                        c -> c.setLocalStatus(1, PathStatus.AVAILABLE)),
                reject("setLocalStatus without a carrier", CommandTest::noCarrier,
                        c -> c.setLocalStatus(2, PathStatus.BACKUP)),
                reject("setLocalStatus without multipath", single, c -> c.setLocalStatus(0, PathStatus.BACKUP)),
                reject("setLocalStatus after close", CommandTest::closed, c -> c.setLocalStatus(0, PathStatus.BACKUP)),
                reject("issueConnectionIds beyond the peer's CID limit", client, c -> c.issueConnectionIds(1, 3)),
                reject("issueConnectionIds count 0", client, c -> c.issueConnectionIds(1, 0)),
                reject("issueConnectionIds negative count", client, c -> c.issueConnectionIds(1, -1)),
                reject("issueConnectionIds above the peer's path limit", client, c -> c.issueConnectionIds(5, 1)),
                reject("issueConnectionIds for an abandoned path", CommandTest::abandonedOne,
                        c -> c.issueConnectionIds(1, 1)),
                reject("issueConnectionIds for path 1 without multipath", single, c -> c.issueConnectionIds(1, 1)),
                reject("issueConnectionIds without a carrier", CommandTest::noCarrier, c -> c.issueConnectionIds(2, 1)),
                reject("issueConnectionIds after close", CommandTest::closed, c -> c.issueConnectionIds(0, 1)),
                reject("raiseMaxPathId equal", client, c -> c.raiseMaxPathId(4)),
                reject("raiseMaxPathId lower", client, c -> c.raiseMaxPathId(2)),
                reject("raiseMaxPathId 2^32", client, c -> c.raiseMaxPathId(Fx.TWO_POW_32)),
                reject("raiseMaxPathId without multipath", single, c -> c.raiseMaxPathId(5)),
                reject("raiseMaxPathId without a carrier", CommandTest::noCarrier, c -> c.raiseMaxPathId(5)),
                reject("raiseMaxPathId in draft-06 (no MAX_PATH_ID frame)",
                        () -> Fx.conn(Fx.client().dialect(Dialect.DRAFT_06)), c -> c.raiseMaxPathId(5)),
                reject("abandonPath above our own maximum", CommandTest::narrowLocal, c -> c.abandonPath(3, NO_ERROR)),
                reject("issueConnectionIds above our own maximum", CommandTest::narrowLocal,
                        c -> c.issueConnectionIds(3, 1)),
                reject("close after close", CommandTest::closed, c -> c.close(NO_ERROR, "again")),
                reject("close after an error", CommandTest::closedByError, c -> c.close(NO_ERROR, "again")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedCommands")
    @DisplayName("a rejected command throws CommandRejectedException and leaves the snapshot unchanged")
    void rejectedCommandChangesNothing(String name, Supplier<Fx.Conn> setup, Consumer<MultipathConnection> command) {
        Fx.Conn c = setup.get();
        ConnectionSnapshot before = c.conn.snapshot();
        int events = c.events.size();
        assertThatThrownBy(() -> command.accept(c.conn)).isInstanceOf(CommandRejectedException.class);
        assertThat(c.conn.snapshot()).isEqualTo(before);
        assertThat(c.events).hasSize(events);
    }

    @Test
    @DisplayName("observers (snapshot, path, pto, closeReason) do not change the connection, even for a path "
            + "ID without state")
    void observersChangeNothing() {
        Fx.Conn c = Fx.conn(Fx.client().provisionedPaths(1));
        ConnectionSnapshot before = c.conn.snapshot();
        assertThat(c.conn.path(3)).isNull();
        assertThat(c.conn.pto(3)).isEqualTo(Fx.INITIAL_PTO);
        assertThat(c.conn.pto(0)).isEqualTo(Fx.INITIAL_PTO);
        c.conn.closeReason();
        c.conn.now();
        assertThat(c.conn.path(3)).isNull();
        assertThat(c.conn.snapshot()).isEqualTo(before);
    }

    @Test
    @Tag("Q-10.2-1")
    @DisplayName("Q-10.2-1 close sends CONNECTION_CLOSE; afterwards frames and ticks change no path and the reason "
            + "stays, and the closing state only repeats the CONNECTION_CLOSE, backing off, for 3 PTO")
    void closeFreezes() {
        Fx.Conn c = Fx.newClient();
        c.openValidated(1);
        c.drain();
        c.conn.close(0x0a, "policy");
        CloseReason reason = c.conn.closeReason().orElseThrow();
        assertThat(reason.byPeer()).isFalse();
        assertThat(frames(c.drain(), Frame.ConnectionClose.class)).singleElement()
                .extracting(Frame.ConnectionClose::errorCode).isEqualTo(0x0aL);
        List<PathView> frozen = c.conn.snapshot().paths();
        c.recv(0, new Frame.PathAbandon(1, NO_ERROR));
        assertThat(c.drain()).singleElement().satisfies(p -> assertThat(p.frames()).singleElement()
                .isInstanceOfSatisfying(Frame.ConnectionClose.class, f -> assertThat(f.errorCode()).isEqualTo(0x0a)));
        c.recv(1, new Frame.ConnectionClose(1, 0, io.mpqc.ref.frame.Bytes.EMPTY));
        assertThat(c.drain()).singleElement().satisfies(p -> assertThat(p.pathId()).isEqualTo(1));
        c.conn.receive(PacketContext.oneRtt(0, 1), List.of()); // the third packet: answers back off
        assertThat(c.drain()).isEmpty();
        c.recv(0, new Frame.Ping()); // the fourth is answered
        assertThat(frames(c.drain(), Frame.ConnectionClose.class)).hasSize(1);
        c.advance(3 * Fx.INITIAL_PTO);
        for (int i = 0; i < 8; i++) {
            c.recv(0, new Frame.Ping());
        }
        assertThat(c.drain()).as("the closing state is over after 3 PTO").isEmpty();
        assertThat(c.conn.snapshot().paths()).extracting(PathView::state, PathView::peerStatus, PathView::peerCids,
                PathView::localCids).isEqualTo(frozen.stream().map(v -> org.assertj.core.groups.Tuple.tuple(
                        v.state(), v.peerStatus(), v.peerCids(), v.localCids())).toList());
        assertThat(c.conn.closeReason()).contains(reason);
    }

    @Test
    @Tag("Q-10.2-1")
    @DisplayName("Q-10.2-1 a connection the peer closed is draining: it answers nothing at all")
    void drainingAnswersNothing() {
        Fx.Conn c = Fx.newServer();
        c.drain();
        c.recv(0, new Frame.ConnectionClose(0, 0, io.mpqc.ref.frame.Bytes.EMPTY));
        for (int i = 0; i < 4; i++) {
            c.recv(0, new Frame.Ping());
        }
        assertThat(c.drain()).isEmpty();
    }

    @Test
    @DisplayName("time never goes back: tick with an earlier time is an IllegalArgumentException and changes "
            + "nothing")
    void tickBackwards() {
        Fx.Conn c = Fx.newClient();
        c.tick(1_000);
        ConnectionSnapshot before = c.conn.snapshot();
        assertThatThrownBy(() -> c.tick(999)).isInstanceOf(IllegalArgumentException.class);
        assertThat(c.conn.now()).isEqualTo(1_000);
        assertThat(c.conn.snapshot()).isEqualTo(before);
    }

    @Test
    @Tag("MP-4-3")
    @Tag("MP-3.4-5")
    @DisplayName("MP-4-3 we never abandon a path ID above our own maximum: the peer's mandatory PATH_ABANDON reply "
            + "(MP-3.4-5) would name it and we would have to close with PROTOCOL_VIOLATION")
    void noAbandonAboveOwnLimit() {
        Fx.Conn c = narrowLocal();
        assertThatThrownBy(() -> c.conn.abandonPath(3, NO_ERROR)).isInstanceOf(CommandRejectedException.class);
        c.conn.abandonPath(2, NO_ERROR);
        c.recv(0, new Frame.PathAbandon(2, NO_ERROR)); // the peer's reply
        c.assertOpen();
    }

    @Test
    @Tag("MP-4-3")
    @Tag("MP-3.2.1-5")
    @DisplayName("MP-4-3 we never issue CIDs for a path ID above our own maximum: the peer's retirement of such "
            + "a CID would name a path ID we must reject")
    void noCidsAboveOwnLimit() {
        Fx.Conn c = narrowLocal();
        assertThat(frames(c.drain(), Frame.PathNewConnectionId.class)).allMatch(f -> f.pathId() <= 2);
        assertThatThrownBy(() -> c.conn.issueConnectionIds(3, 1)).isInstanceOf(CommandRejectedException.class);
        c.conn.issueConnectionIds(2, 1);
        c.recv(0, new Frame.PathRetireConnectionId(2, 2)); // the peer retires what we issued
        c.assertOpen();
    }

    @Test
    @Tag("MP-3.4-1")
    @DisplayName("MP-3.4-1 abandonPath of a path ID never used, the peer's limit allowing it, sends PATH_ABANDON")
    void abandonUnusedId() {
        Fx.Conn c = Fx.newClient();
        c.drain();
        c.conn.abandonPath(3, 0x3e);
        assertThat(frames(c.drain(), Frame.PathAbandon.class)).containsExactly(new Frame.PathAbandon(3, 0x3e));
    }

    @Test
    @DisplayName("draft-06: commands never queue a frame the dialect lacks (openPath reports no path, drain "
            + "encodes everything)")
    void draft06CommandsStayInDialect() {
        Fx.Conn c = Fx.conn(Fx.client().dialect(Dialect.DRAFT_06));
        try {
            assertThat(c.conn.openPath()).isEmpty();
        } catch (CommandRejectedException expected) {
            // Rejecting is as good as reporting no path.
        }
        c.conn.setLocalStatus(1, PathStatus.BACKUP);
        c.conn.abandonPath(2, NO_ERROR);
        c.conn.issueConnectionIds(0, 1);
        List<OutgoingPacket> out = c.drain();
        FrameEncoder encoder = new FrameEncoder(Dialect.DRAFT_06);
        for (OutgoingPacket p : out) {
            for (Frame f : p.frames()) {
                assertThat(Dialect.DRAFT_06.supports(f.type())).as("%s", f).isTrue();
                encoder.encode(f);
            }
        }
        assertThat(frames(out, Frame.NewConnectionId.class)).isNotEmpty();
    }
}
