package cn.heatdesk.notice.channel;

/** Small text helpers of the adapters. */
final class Texts {

    private Texts() {
    }

    static String abbreviate(String s, int max) {
        if (s == null) {
            return null;
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
