package cn.heatdesk.callcenter.ivr;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks an {@link IvrTree} for one caller: prompts with one-key GET DATA, follows sub-menus, re-prompts after an
 * invalid key or silence up to the node's retries, applies the node's give-up action after that, and routes out of
 * hours. Pure logic over {@link Io} so the rules are unit-tested without a channel.
 */
public final class IvrWalker {

    /** a runaway tree (menus pointing at each other, a caller pressing 重听 forever) ends in the give-up action */
    static final int MAX_STEPS = 40;

    /** the caller's side of the walk */
    public interface Io {
        /** plays the prompt and waits for one key; "" on timeout, null when the caller hung up */
        String getData(String prompt, long timeoutMs);

        void play(String prompt);

        /** announces the caller's latest work order (self-service) */
        void selfService();
    }

    /**
     * Where the caller ends up: QUEUE (with queue), VOICEMAIL, HANGUP; {@code keys} is the path pressed, e.g. "1>2";
     * {@code hungUp} when the caller left during the walk.
     */
    public record Outcome(IvrAction action, String queue, String keys, boolean offHours, boolean hungUp) {
    }

    private IvrWalker() {
    }

    /**
     * @param preKey a key already pressed in the dialplan ({@code ivr?choice=N}): applied to the root node without
     *               prompting, and time routing is skipped because the dialplan has already chosen
     */
    public static Outcome walk(IvrTree tree, String preKey, LocalDateTime now, Io io) {
        List<String> path = new ArrayList<>();
        IvrTree.Node node = tree.node(tree.rootNode());
        boolean offHours = false;
        if (preKey == null && tree.closedAt(now)) {
            offHours = true;
            if (tree.offHoursPrompt() != null) {
                io.play(tree.offHoursPrompt());
            }
            IvrTree.Step s = tree.offHours();
            if (s.action() != IvrAction.MENU) {
                return end(tree, s, path, true);
            }
            node = tree.node(s.target());
        }
        String pending = preKey;
        int failures = 0;
        for (int steps = 0; steps < MAX_STEPS; steps++) {
            String key;
            if (pending != null) {
                key = pending;
                pending = null;
            } else {
                key = io.getData(node.prompt(), node.timeoutMs());
                if (key == null) {
                    return new Outcome(IvrAction.HANGUP, null, String.join(">", path), offHours, true);
                }
            }
            IvrTree.Step step = key.isEmpty() ? null : node.keys().get(key.substring(0, 1));
            if (step == null) {
                failures++;
                if (failures > node.maxRetries()) {
                    IvrTree.Step fail = node.fail();
                    if (fail.action() != IvrAction.MENU) {
                        return end(tree, fail, path, offHours);
                    }
                    node = tree.node(fail.target());
                    failures = 0;
                    continue;
                }
                String notice = key.isEmpty() ? node.timeoutPrompt() : node.invalidPrompt();
                if (notice != null) {
                    io.play(notice);
                }
                continue;
            }
            path.add(key.substring(0, 1));
            switch (step.action()) {
                case MENU -> {
                    node = tree.node(step.target());
                    failures = 0;
                }
                case REPEAT -> failures = 0;
                case SELF_SERVICE -> {
                    io.selfService();
                    failures = 0;
                }
                default -> {
                    return end(tree, step, path, offHours);
                }
            }
        }
        return end(tree, node.fail().action() == IvrAction.MENU ? new IvrTree.Step(IvrAction.HANGUP, null)
                : node.fail(), path, offHours);
    }

    private static Outcome end(IvrTree tree, IvrTree.Step s, List<String> path, boolean offHours) {
        String keys = String.join(">", path);
        return switch (s.action()) {
            case QUEUE -> new Outcome(IvrAction.QUEUE, s.target(), keys, offHours, false);
            case OPERATOR -> new Outcome(IvrAction.QUEUE, tree.operatorQueue(), keys, offHours, false);
            case VOICEMAIL -> new Outcome(IvrAction.VOICEMAIL, null, keys, offHours, false);
            default -> new Outcome(IvrAction.HANGUP, null, keys, offHours, false);
        };
    }
}
