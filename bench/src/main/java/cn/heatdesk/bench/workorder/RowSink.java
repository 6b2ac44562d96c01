package cn.heatdesk.bench.workorder;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * Where seeded rows go: PostgreSQL COPY (text format) on its own connection, or JDBC batch inserts for the other
 * databases. Values are null, Long, Integer, String or {@link Ts}.
 */
abstract class RowSink implements AutoCloseable {

    /** a timestamp, epoch milliseconds, written as the JVM's local date-time (what LocalDateTime.now() stores) */
    record Ts(long ms) {
    }

    protected final String table;
    protected final String[] columns;
    protected long rows;

    RowSink(String table, String[] columns) {
        this.table = table;
        this.columns = columns;
    }

    abstract void row(Object[] values) throws Exception;

    long rows() {
        return rows;
    }

    static RowSink open(Connection c, boolean postgres, String table, String[] columns) throws Exception {
        return postgres ? new Copy(c, table, columns) : new Batch(c, table, columns);
    }

    /** COPY … FROM STDIN, 1 MB chunks */
    static final class Copy extends RowSink {
        private final CopyIn in;
        private final StringBuilder sb = new StringBuilder(1 << 21);
        private final TimeFormat time = new TimeFormat();

        Copy(Connection c, String table, String[] columns) throws Exception {
            super(table, columns);
            in = new CopyManager(c.unwrap(BaseConnection.class))
                    .copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN");
        }

        @Override
        void row(Object[] v) throws Exception {
            for (int i = 0; i < v.length; i++) {
                if (i > 0) {
                    sb.append('\t');
                }
                Object o = v[i];
                if (o == null) {
                    sb.append("\\N");
                } else if (o instanceof Ts ts) {
                    time.append(sb, ts.ms());
                } else if (o instanceof String s) {
                    escape(sb, s);
                } else {
                    sb.append(o);
                }
            }
            sb.append('\n');
            rows++;
            if (sb.length() > (1 << 20)) {
                flush();
            }
        }

        private void flush() throws Exception {
            byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(b, 0, b.length);
            sb.setLength(0);
        }

        private static void escape(StringBuilder sb, String s) {
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '\\' -> sb.append("\\\\");
                    case '\t' -> sb.append("\\t");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    default -> sb.append(ch);
                }
            }
        }

        @Override
        public void close() throws Exception {
            flush();
            in.endCopy();
        }
    }

    /** INSERT batches of 1,000 rows, committed every 10,000 */
    static final class Batch extends RowSink {
        private final Connection c;
        private final PreparedStatement ps;
        private int pending;

        Batch(Connection c, String table, String[] columns) throws Exception {
            super(table, columns);
            this.c = c;
            c.setAutoCommit(false);
            ps = c.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + "?, ".repeat(columns.length - 1) + "?)");
        }

        @Override
        void row(Object[] v) throws Exception {
            for (int i = 0; i < v.length; i++) {
                Object o = v[i];
                if (o == null) {
                    ps.setNull(i + 1, Types.NULL);
                } else if (o instanceof Ts ts) {
                    ps.setTimestamp(i + 1, new Timestamp(ts.ms()));
                } else {
                    ps.setObject(i + 1, o);
                }
            }
            ps.addBatch();
            rows++;
            if (++pending % 1000 == 0) {
                ps.executeBatch();
            }
            if (pending >= 10_000) {
                c.commit();
                pending = 0;
            }
        }

        @Override
        public void close() throws Exception {
            ps.executeBatch();
            c.commit();
            ps.close();
            c.setAutoCommit(true);
        }
    }

    /** yyyy-MM-dd HH:mm:ss.SSS in the JVM's zone without a formatter per value (tens of millions of values) */
    static final class TimeFormat {
        private final ZoneId zone = ZoneId.systemDefault();
        private final Map<Long, String> dayPrefix = new HashMap<>();

        void append(StringBuilder sb, long ms) {
            long offset = zone.getRules().getOffset(Instant.ofEpochMilli(ms)).getTotalSeconds() * 1000L;
            long local = ms + offset;
            long day = Math.floorDiv(local, 86_400_000L);
            int inDay = (int) (local - day * 86_400_000L);
            sb.append(dayPrefix.computeIfAbsent(day, d -> LocalDate.ofEpochDay(d).toString() + " "));
            int h = inDay / 3_600_000;
            int m = inDay / 60_000 % 60;
            int s = inDay / 1000 % 60;
            int milli = inDay % 1000;
            two(sb, h).append(':');
            two(sb, m).append(':');
            two(sb, s).append('.');
            if (milli < 100) {
                sb.append('0');
            }
            if (milli < 10) {
                sb.append('0');
            }
            sb.append(milli);
        }

        private static StringBuilder two(StringBuilder sb, int v) {
            if (v < 10) {
                sb.append('0');
            }
            return sb.append(v);
        }
    }
}
