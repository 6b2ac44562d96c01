package cn.heatdesk.bench.callcenter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time from Linux's /proc: a process's utime + stime (/proc/&lt;pid&gt;/stat, clock ticks) and the whole machine's
 * busy and total ticks (/proc/stat "cpu" line). Figures are shares of the whole machine (all cores = 100 %).
 */
final class ProcCpu {

    /** USER_HZ; 100 on every Linux this runs on (getconf CLK_TCK) */
    private static final double TICKS_PER_SECOND = 100.0;

    record Sample(long nanos, long procTicks, long machineBusy, long machineTotal) {
    }

    private final long pid;
    private final int cores = Runtime.getRuntime().availableProcessors();
    private final List<Sample> samples = new ArrayList<>();

    ProcCpu(long pid) {
        this.pid = pid;
    }

    Sample sample() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // the command name is in parentheses and may contain spaces: fields are counted after the last ')'
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        long proc = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
        String[] c = cpu.trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < c.length && i <= 8; i++) {
            total += Long.parseLong(c[i]);
        }
        long idle = Long.parseLong(c[4]) + Long.parseLong(c[5]);
        Sample s = new Sample(System.nanoTime(), proc, total - idle, total);
        samples.add(s);
        return s;
    }

    List<Sample> samples() {
        return samples;
    }

    void clear() {
        samples.clear();
    }

    /** the process's share of the whole machine between two samples, in % */
    double processShare(Sample a, Sample b) {
        double secs = (b.nanos() - a.nanos()) / 1e9;
        return 100.0 * (b.procTicks() - a.procTicks()) / TICKS_PER_SECOND / secs / cores;
    }

    /** the whole machine's busy share between two samples, in % */
    static double machineShare(Sample a, Sample b) {
        long total = b.machineTotal() - a.machineTotal();
        return total == 0 ? 0 : 100.0 * (b.machineBusy() - a.machineBusy()) / total;
    }

    int cores() {
        return cores;
    }
}
