package cn.heatdesk.bench.mobile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time from Linux's /proc: a process's utime + stime and the whole machine's busy and total ticks. Figures are
 * shares of the whole machine (all cores = 100 %).
 */
final class CpuSampler {

    /** USER_HZ (getconf CLK_TCK), 100 on every Linux this runs on */
    private static final double TICKS_PER_SECOND = 100.0;

    record Sample(long nanos, long procTicks, long machineBusy, long machineTotal) {
    }

    private final long pid;
    private final int cores = Runtime.getRuntime().availableProcessors();

    CpuSampler(long pid) {
        this.pid = pid;
    }

    Sample sample() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // fields are counted after the command name's closing parenthesis (the name may contain spaces)
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        long proc = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        String[] c = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < c.length && i <= 8; i++) {
            total += Long.parseLong(c[i]);
        }
        long idle = Long.parseLong(c[4]) + Long.parseLong(c[5]);
        return new Sample(System.nanoTime(), proc, total - idle, total);
    }

    double processShare(Sample a, Sample b) {
        double secs = (b.nanos() - a.nanos()) / 1e9;
        return 100.0 * (b.procTicks() - a.procTicks()) / TICKS_PER_SECOND / secs / cores;
    }

    static double machineShare(Sample a, Sample b) {
        long total = b.machineTotal() - a.machineTotal();
        return total == 0 ? 0 : 100.0 * (b.machineBusy() - a.machineBusy()) / total;
    }

    int cores() {
        return cores;
    }
}
