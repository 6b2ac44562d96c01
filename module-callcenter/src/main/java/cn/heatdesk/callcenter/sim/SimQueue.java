package cn.heatdesk.callcenter.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** app_queue state of one queue: dynamic members, waiting callers and the statistics QueueParams reports. */
final class SimQueue {

    static final class Member {
        final String iface;
        final String name;
        final String stateInterface;
        int penalty;
        boolean paused;
        String pausedReason = "";
        long lastPause;
        long lastCall;
        int callsTaken;
        final long loginTime = Instant.now().getEpochSecond();
        /** app_queue member status: 1 not in use, 2 in use, 6 ringing, 5 unavailable */
        int status = 1;
        boolean inCall;
        /** epoch ms of the end of the last queue call, for wrapuptime */
        long lastCallEndMs;

        Member(String iface, String name, String stateInterface) {
            this.iface = iface;
            this.name = name;
            this.stateInterface = stateInterface;
        }

        void appendTo(AmiMessage m, SimQueue q, boolean event) {
            m.add("Queue", q.cfg.name());
            if (event) {
                m.add("MemberName", name).add("Interface", iface);
            } else {
                m.add("Name", name).add("Location", iface);
            }
            m.add("StateInterface", stateInterface).add("Membership", "dynamic").add("Penalty", penalty)
                    .add("CallsTaken", callsTaken).add("LastCall", lastCall).add("LastPause", lastPause)
                    .add("LoginTime", loginTime).add("InCall", inCall ? 1 : 0).add("Status", status)
                    .add("Paused", paused ? 1 : 0).add("PausedReason", pausedReason);
            if (event) {
                m.add("Ringinuse", q.cfg.ringInUse() ? 1 : 0);
            }
            m.add("Wrapuptime", 0);
        }
    }

    static final class Entry {
        final SimChannel caller;
        final Instant joined = Instant.now();
        final int originalPosition;
        /** QUEUE_PRIO of the caller: app_queue inserts a caller ahead of every caller with a lower one */
        int prio;
        /** a member is being rung for this caller (app_queue's qe->pending) */
        boolean ringing;

        Entry(SimChannel caller, int originalPosition) {
            this.caller = caller;
            this.originalPosition = originalPosition;
        }
    }

    final SimConfig.QueueConfig cfg;
    final Map<String, Member> members = new LinkedHashMap<>();
    final List<Entry> callers = new ArrayList<>();
    int completed;
    int abandoned;
    long talkTimeTotal;
    long holdTimeTotal;
    int completedInSl;
    /** rrmemory: interface rung last */
    String lastRung;

    SimQueue(SimConfig.QueueConfig cfg) {
        this.cfg = cfg;
    }

    /** app_queue's insert_entry: behind the callers of the same or a higher priority, ahead of lower ones */
    void add(Entry e) {
        int i = 0;
        while (i < callers.size() && callers.get(i).prio >= e.prio) {
            i++;
        }
        callers.add(i, e);
    }

    /**
     * app_queue's is_our_turn with autofill=yes (queues.conf as the bundle renders it): a caller may be offered to a
     * member while fewer callers ahead of it are waiting for one than members are available, so several callers
     * ring members at once; without it one unanswered ring held up the whole queue.
     */
    boolean ourTurn(Entry e, int availableMembers) {
        int ahead = 0;
        for (Entry x : callers) {
            if (x == e) {
                return ahead < availableMembers;
            }
            if (!x.ringing) {
                ahead++;
            }
        }
        return false;
    }

    int position(SimChannel c) {
        for (int i = 0; i < callers.size(); i++) {
            if (callers.get(i).caller == c) {
                return i + 1;
            }
        }
        return 0;
    }

    long avgTalk() {
        return completed == 0 ? 0 : Math.round((double) talkTimeTotal / completed);
    }

    long avgHold() {
        return completed == 0 ? 0 : Math.round((double) holdTimeTotal / completed);
    }

    String slPerf() {
        if (completed == 0) {
            return "0.0";
        }
        return String.format(java.util.Locale.ROOT, "%.1f", 100.0 * completedInSl / completed);
    }

    /** QUEUE* channel variables set by app_queue (setqueuevar) */
    List<String[]> queueVars() {
        List<String[]> v = new ArrayList<>();
        v.add(new String[] {"QUEUENAME", cfg.name()});
        v.add(new String[] {"QUEUEMAX", "0"});
        v.add(new String[] {"QUEUESTRATEGY", cfg.strategy()});
        v.add(new String[] {"QUEUECALLS", String.valueOf(callers.size())});
        v.add(new String[] {"QUEUEHOLDTIME", String.valueOf(avgHold())});
        v.add(new String[] {"QUEUETALKTIME", String.valueOf(avgTalk())});
        v.add(new String[] {"QUEUECOMPLETED", String.valueOf(completed)});
        v.add(new String[] {"QUEUEABANDONED", String.valueOf(abandoned)});
        v.add(new String[] {"QUEUESRVLEVEL", String.valueOf(cfg.serviceLevel())});
        v.add(new String[] {"QUEUESRVLEVELPERF", slPerf()});
        return v;
    }
}
