package cn.heatdesk.callcenter.ivr;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IvrWalkerTest {

    /** Monday 10:00, inside the work hours below */
    static final LocalDateTime OPEN = LocalDateTime.of(2026, 11, 23, 10, 0);

    /** the caller: answers GET DATA from a key list ("" = silence, "HUP" = hung up) and records what was played */
    static final class Caller implements IvrWalker.Io {
        final Deque<String> keys;
        final List<String> heard = new ArrayList<>();

        Caller(String... keys) {
            this.keys = new ArrayDeque<>(List.of(keys));
        }

        @Override
        public String getData(String prompt, long timeoutMs) {
            heard.add("GET " + prompt + " " + timeoutMs);
            String k = keys.isEmpty() ? "" : keys.poll();
            return "HUP".equals(k) ? null : k;
        }

        @Override
        public void play(String prompt) {
            heard.add("PLAY " + prompt);
        }

        @Override
        public void selfService() {
            heard.add("SELF");
        }
    }

    static IvrTree tree(IvrTree.Step offHours, Set<LocalDate> holidays) {
        IvrTree.Node root = new IvrTree.Node("root", "主菜单", "custom/welcome", 6000, 2, "invalid", "custom/timeout",
                new IvrTree.Step(IvrAction.OPERATOR, null), Map.of(
                "1", new IvrTree.Step(IvrAction.QUEUE, "repair"),
                "2", new IvrTree.Step(IvrAction.MENU, "complaint"),
                "9", new IvrTree.Step(IvrAction.SELF_SERVICE, null),
                "8", new IvrTree.Step(IvrAction.REPEAT, null),
                "0", new IvrTree.Step(IvrAction.OPERATOR, null),
                "7", new IvrTree.Step(IvrAction.VOICEMAIL, null)));
        IvrTree.Node complaint = new IvrTree.Node("complaint", "投诉", "custom/complaint", 4000, 0, null, null,
                new IvrTree.Step(IvrAction.HANGUP, null), Map.of(
                "1", new IvrTree.Step(IvrAction.QUEUE, "complaint"),
                "*", new IvrTree.Step(IvrAction.MENU, "root")));
        return new IvrTree(1L, 2L, "4930123456", "root", "inquiry", offHours, "custom/closed",
                Map.of("root", root, "complaint", complaint),
                List.of(new IvrTree.Window(1, LocalTime.of(8, 0), LocalTime.of(18, 0))), holidays, 3L);
    }

    static IvrTree tree() {
        return tree(new IvrTree.Step(IvrAction.VOICEMAIL, null), Set.of());
    }

    @Test
    void oneKeyToAQueue() {
        Caller c = new Caller("1");
        IvrWalker.Outcome o = IvrWalker.walk(tree(), null, OPEN, c);
        assertThat(o.action()).isEqualTo(IvrAction.QUEUE);
        assertThat(o.queue()).isEqualTo("repair");
        assertThat(o.keys()).isEqualTo("1");
        assertThat(c.heard).containsExactly("GET custom/welcome 6000");
    }

    @Test
    void subMenuThenBackThenQueue() {
        Caller c = new Caller("2", "*", "2", "1");
        IvrWalker.Outcome o = IvrWalker.walk(tree(), null, OPEN, c);
        assertThat(o.queue()).isEqualTo("complaint");
        assertThat(o.keys()).isEqualTo("2>*>2>1");
        assertThat(c.heard).containsExactly("GET custom/welcome 6000", "GET custom/complaint 4000",
                "GET custom/welcome 6000", "GET custom/complaint 4000");
    }

    @Test
    void invalidKeyAndTimeoutAreRetriedThenTheGiveUpActionApplies() {
        Caller c = new Caller("5", "", "4");
        IvrWalker.Outcome o = IvrWalker.walk(tree(), null, OPEN, c);
        // retries 2: three attempts, then the node's give-up (转人工 → operator queue)
        assertThat(o.action()).isEqualTo(IvrAction.QUEUE);
        assertThat(o.queue()).isEqualTo("inquiry");
        assertThat(o.keys()).isEmpty();
        assertThat(c.heard).containsExactly("GET custom/welcome 6000", "PLAY invalid", "GET custom/welcome 6000",
                "PLAY custom/timeout", "GET custom/welcome 6000");
    }

    @Test
    void aValidKeyAfterAnInvalidOneStillCounts() {
        Caller c = new Caller("5", "7");
        IvrWalker.Outcome o = IvrWalker.walk(tree(), null, OPEN, c);
        assertThat(o.action()).isEqualTo(IvrAction.VOICEMAIL);
        assertThat(o.keys()).isEqualTo("7");
    }

    @Test
    void noRetriesMeansTheFirstSilenceGivesUp() {
        Caller c = new Caller("2", "");
        IvrWalker.Outcome o = IvrWalker.walk(tree(), null, OPEN, c);
        assertThat(o.action()).isEqualTo(IvrAction.HANGUP);
        assertThat(o.hungUp()).isFalse();
    }

    @Test
    void selfServiceAndRepeatReturnToTheSameMenu() {
        Caller c = new Caller("9", "8", "0");
        IvrWalker.Outcome o = IvrWalker.walk(tree(), null, OPEN, c);
        assertThat(o.queue()).isEqualTo("inquiry");
        assertThat(c.heard).containsExactly("GET custom/welcome 6000", "SELF", "GET custom/welcome 6000",
                "GET custom/welcome 6000");
    }

    @Test
    void outOfHoursGoesToVoicemailWithoutTheMenu() {
        Caller c = new Caller("1");
        IvrWalker.Outcome o = IvrWalker.walk(tree(), null, OPEN.withHour(19), c);
        assertThat(o.action()).isEqualTo(IvrAction.VOICEMAIL);
        assertThat(o.offHours()).isTrue();
        assertThat(c.heard).containsExactly("PLAY custom/closed");
        // Sunday morning: no window for weekday 7
        assertThat(IvrWalker.walk(tree(), null, OPEN.plusDays(6), new Caller()).offHours()).isTrue();
    }

    @Test
    void aHolidayIsClosedAllDayAndMayLeadToAnOffHoursMenu() {
        IvrTree t = tree(new IvrTree.Step(IvrAction.MENU, "complaint"), Set.of(OPEN.toLocalDate()));
        Caller c = new Caller("1");
        IvrWalker.Outcome o = IvrWalker.walk(t, null, OPEN, c);
        assertThat(o.offHours()).isTrue();
        assertThat(o.queue()).isEqualTo("complaint");
        assertThat(c.heard).containsExactly("PLAY custom/closed", "GET custom/complaint 4000");
    }

    @Test
    void withoutOffHoursRuleTheMenuIsAlwaysOpen() {
        IvrTree t = tree(null, Set.of(OPEN.toLocalDate()));
        assertThat(IvrWalker.walk(t, null, OPEN.withHour(3), new Caller("1")).queue()).isEqualTo("repair");
    }

    @Test
    void aPressedChoiceIsAppliedWithoutPromptOrTimeRouting() {
        Caller c = new Caller();
        IvrWalker.Outcome o = IvrWalker.walk(tree(), "1", OPEN.withHour(23), c);
        assertThat(o.queue()).isEqualTo("repair");
        assertThat(c.heard).isEmpty();
    }

    @Test
    void hangingUpEndsTheWalk() {
        IvrWalker.Outcome o = IvrWalker.walk(tree(), null, OPEN, new Caller("2", "HUP"));
        assertThat(o.hungUp()).isTrue();
        assertThat(o.keys()).isEqualTo("2");
    }

    @Test
    void aCallerRepeatingForeverIsStopped() {
        String[] keys = new String[IvrWalker.MAX_STEPS + 5];
        java.util.Arrays.fill(keys, "8");
        Caller c = new Caller(keys);
        IvrWalker.Outcome o = IvrWalker.walk(tree(), null, OPEN, c);
        assertThat(o.queue()).isEqualTo("inquiry");
        assertThat(c.heard).hasSize(IvrWalker.MAX_STEPS);
    }
}
