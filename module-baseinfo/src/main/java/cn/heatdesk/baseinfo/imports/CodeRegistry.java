package cn.heatdesk.baseinfo.imports;

/**
 * The codes seen so far in one import file, with the row each first appeared in, for "duplicate of row N"
 * messages. Sized for a million rows: an open-addressing table of 64-bit code hashes and int row numbers
 * (12 bytes a slot, about 24 MB at 1M codes) instead of a map of strings. Two different codes collide only with
 * probability ~n²/2⁶⁵ (≈3·10⁻⁸ for a million codes).
 */
final class CodeRegistry {

    private static final float LOAD = 0.5f;

    private long[] keys;
    private int[] rows;
    private int size;
    private int mask;

    CodeRegistry() {
        this(1024);
    }

    CodeRegistry(int initialCapacity) {
        int cap = Integer.highestOneBit(Math.max(16, initialCapacity - 1)) << 1;
        keys = new long[cap];
        rows = new int[cap];
        mask = cap - 1;
    }

    /**
     * Registers {@code code} as first seen in {@code rowNo} unless it was seen before.
     *
     * @return the row the code was first seen in, or 0 when this is its first appearance
     */
    int firstRowOrRegister(String code, int rowNo) {
        long h = hash(code);
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (keys[i] != 0) {
            if (keys[i] == h) {
                return rows[i];
            }
            i = (i + 1) & mask;
        }
        keys[i] = h;
        rows[i] = rowNo;
        if (++size > keys.length * LOAD) {
            grow();
        }
        return 0;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldRows = rows;
        keys = new long[oldKeys.length * 2];
        rows = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            long h = oldKeys[j];
            if (h != 0) {
                int i = (int) (h ^ (h >>> 32)) & mask;
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = h;
                rows[i] = oldRows[j];
            }
        }
    }

    /** FNV-1a over the UTF-16 units, then the MurmurHash3 finaliser; never 0 (0 marks an empty slot) */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
